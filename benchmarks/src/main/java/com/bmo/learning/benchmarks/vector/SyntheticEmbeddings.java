package com.bmo.learning.benchmarks.vector;

import java.util.SplittableRandom;

/**
 * Deterministic "random-ish" unit vectors shaped like text embeddings rather than uniform noise: 100
 * topic clusters, variation along 48 shared latent directions (of about the same weight as the
 * cluster), plus isotropic noise at 30% of that.
 * (Uniform random vectors in 384 dimensions have no neighbourhood structure at all, which no real corpus
 * looks like.) The same seed always gives the same vectors, so a built index can be reused.
 */
final class SyntheticEmbeddings {

  static final int DIMENSION = 384;
  private static final int CLUSTERS = 100;
  private static final int LATENT = 48;

  private final float[][] centers = new float[CLUSTERS][DIMENSION];
  private final float[][] basis = new float[LATENT][DIMENSION];
  private final boolean uniform;

  SyntheticEmbeddings(long seed) {
    this(seed, false);
  }

  /** {@code uniform}: isotropic Gaussian directions instead, the hardest case for any ANN index. */
  SyntheticEmbeddings(long seed, boolean uniform) {
    this.uniform = uniform;
    SplittableRandom r = new SplittableRandom(seed);
    for (float[] c : centers) {
      fill(r, c, 1.0);
    }
    for (float[] b : basis) {
      fill(r, b, 1.0 / Math.sqrt(DIMENSION));
    }
  }

  private static void fill(SplittableRandom r, float[] v, double scale) {
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (r.nextGaussian() * scale);
    }
  }

  /** Vector number {@code i} of the stream {@code stream} (documents and queries use different streams). */
  float[] vector(long stream, long i) {
    SplittableRandom r = new SplittableRandom(stream * 1_000_003L + i);
    float[] v = new float[DIMENSION];
    if (uniform) {
      for (int d = 0; d < DIMENSION; d++) {
        v[d] = (float) r.nextGaussian();
      }
      return normalize(v);
    }
    float[] center = centers[r.nextInt(CLUSTERS)];
    for (int d = 0; d < DIMENSION; d++) {
      v[d] = center[d] * 0.05f;
    }
    for (float[] b : basis) {
      float z = (float) (r.nextGaussian() / Math.sqrt(LATENT));
      for (int d = 0; d < DIMENSION; d++) {
        v[d] += z * b[d];
      }
    }
    for (int d = 0; d < DIMENSION; d++) {
      v[d] += (float) (r.nextGaussian() * 0.3 / Math.sqrt(DIMENSION));
    }
    return normalize(v);
  }

  private static float[] normalize(float[] v) {
    double norm = 0;
    for (float f : v) {
      norm += f * f;
    }
    float inv = (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < v.length; d++) {
      v[d] *= inv;
    }
    return v;
  }
}
