package dev.plinth.azure.cache;

import com.azure.core.credential.AccessToken;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.Jedis;

/**
 * A fake Entra token source that plays Azure's part too: each token it mints becomes the password
 * of an ACL user on the local Redis ({@code ACL SETUSER <oid> resetpass >new >previous}). As on
 * Azure, the newest token and the previous one (not yet expired, since tokens are renewed before
 * expiry) are accepted; any older token is rejected. Tokens are unsigned JWTs with an {@code oid}
 * claim, like Entra's, so the provider can read the user name from them.
 */
final class RotatingTokenSource implements EntraTokenSource {
  private final Jedis admin;
  private final String objectId;
  private final Duration lifetime;
  private final AtomicInteger minted = new AtomicInteger();
  private final List<String> issued = new ArrayList<>();

  /**
   * Creates the source.
   *
   * @param admin a connection allowed to run {@code ACL SETUSER}; used under this object's lock
   * @param objectId the ACL user name, put in the {@code oid} claim
   * @param lifetime how long each token lives
   */
  RotatingTokenSource(Jedis admin, String objectId, Duration lifetime) {
    this.admin = admin;
    this.objectId = objectId;
    this.lifetime = lifetime;
  }

  @Override
  public AccessToken fetchToken() {
    OffsetDateTime expiresAt = OffsetDateTime.now().plus(lifetime);
    String token =
        new PlainJWT(
                new JWTClaimsSet.Builder()
                    .claim("oid", objectId)
                    .jwtID(UUID.randomUUID().toString())
                    .expirationTime(java.util.Date.from(expiresAt.toInstant()))
                    .build())
            .serialize();
    synchronized (admin) {
      List<String> rules = new ArrayList<>(List.of("on", "resetpass", ">" + token));
      if (!issued.isEmpty()) {
        rules.add(">" + issued.get(issued.size() - 1));
      }
      rules.addAll(List.of("~*", "+@all"));
      admin.aclSetUser(objectId, rules.toArray(String[]::new));
      issued.add(token);
    }
    minted.incrementAndGet();
    return new AccessToken(token, expiresAt);
  }

  /** How many tokens were minted so far. */
  int minted() {
    return minted.get();
  }

  /** The first token minted, rejected by the server once two newer ones exist. */
  String firstToken() {
    synchronized (admin) {
      return issued.get(0);
    }
  }
}
