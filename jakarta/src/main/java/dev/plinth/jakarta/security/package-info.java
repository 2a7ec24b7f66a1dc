/**
 * Bearer-token security for Jakarta EE applications through the SDK {@link
 * dev.plinth.auth.Authenticator}: {@link dev.plinth.jakarta.security.BearerAuthenticationMechanism}
 * (Jakarta Security), the caller as a MicroProfile JWT {@link
 * org.eclipse.microprofile.jwt.JsonWebToken} ({@link
 * dev.plinth.jakarta.security.PlinthJsonWebToken}), and the CDI producers behind {@code @Inject
 * JsonWebToken} and {@code @Claim}. Use it with the {@code appSecurity} feature and without {@code
 * mpJwt}, whose own mechanism and producers would compete.
 */
package dev.plinth.jakarta.security;
