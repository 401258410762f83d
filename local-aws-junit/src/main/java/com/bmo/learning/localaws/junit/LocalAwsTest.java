package com.bmo.learning.localaws.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test that runs against a local AWS endpoint. Test methods and constructors may
 * declare parameters of type {@link software.amazon.awssdk.services.s3.S3Client},
 * {@link software.amazon.awssdk.services.s3.presigner.S3Presigner},
 * {@link software.amazon.awssdk.services.secretsmanager.SecretsManagerClient}, {@link LocalAwsTarget},
 * {@link TestBucket} and {@link SecretPrefix}. See {@link LocalAwsExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("integration")
@ExtendWith(LocalAwsExtension.class)
public @interface LocalAwsTest {
}
