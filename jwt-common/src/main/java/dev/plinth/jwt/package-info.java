/**
 * Signed-JWT verification shared by the auth providers that verify RSA-signed, Entra-shaped tokens
 * ({@code dev} in providers-local, {@code entra-id} in providers-azure): {@link
 * dev.plinth.jwt.SignedJwtVerifier} runs the security-critical checks (format, algorithm
 * allow-list, signature, lifetime) in one place; each provider plugs in its key lookup and issuer
 * rules.
 */
package dev.plinth.jwt;
