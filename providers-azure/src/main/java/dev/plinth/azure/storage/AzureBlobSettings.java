package dev.plinth.azure.storage;

import dev.plinth.config.PlinthConfig;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validated settings of the {@code azure-blob} provider ({@code plinth.storage.azure-blob.*}).
 * Its {@link #toString()} never shows the connection string or the account key.
 *
 * @param endpoint the blob service endpoint, or null when the connection string gives it
 * @param container the container name
 * @param connectionString the connection string, or null
 * @param accountName the account name for shared-key auth, or null
 * @param accountKey the account key for shared-key auth, or null
 * @param createContainer whether to create the container at start-up if absent
 * @param blockSize the block size of staged uploads and of download chunks, in bytes
 * @param maxConcurrency how many blocks one upload stages in parallel
 */
record AzureBlobSettings(
    String endpoint,
    String container,
    String connectionString,
    String accountName,
    String accountKey,
    boolean createContainer,
    long blockSize,
    int maxConcurrency) {

  /** The provider name, also the middle part of every key. */
  static final String PROVIDER = "azure-blob";

  /** Default block size: 4 MiB, Azure's recommended staged-upload block. */
  static final long DEFAULT_BLOCK_SIZE = 4L * 1024 * 1024;

  /** Default number of blocks in flight per upload (memory = block size x this). */
  static final int DEFAULT_MAX_CONCURRENCY = 4;

  /** Smallest accepted block size. */
  static final long MIN_BLOCK_SIZE = 64L * 1024;

  /** Largest block Azure accepts (4000 MiB), capped to what one Java array can buffer. */
  static final long MAX_BLOCK_SIZE = Integer.MAX_VALUE - 8;

  private static final Pattern CONTAINER_NAME =
      Pattern.compile("^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$");

  /**
   * Reads and validates the settings.
   *
   * @param context the provider context of the storage port
   * @return the settings
   * @throws ConfigurationException naming the key and an example when a setting is missing or bad
   */
  static AzureBlobSettings from(ProviderContext context) {
    PlinthConfig config = context.config();
    String container = config.require(key(context, "container"), "uploads").trim();
    if (!CONTAINER_NAME.matcher(container).matches()) {
      throw PlinthConfig.invalid(
          key(context, "container"),
          container,
          "3-63 lower-case letters, digits and single dashes, starting and ending with a letter"
              + " or digit, e.g. uploads");
    }
    String connectionString = optional(context, "connection-string");
    String accountName = optional(context, "account-name");
    String accountKey = optional(context, "account-key");
    if ((accountName == null) != (accountKey == null)) {
      String missing = accountName == null ? "account-name" : "account-key";
      String example = accountName == null ? "mystorageaccount" : "<key from the portal>";
      throw missing(context, missing, example, "account-name and account-key go together");
    }
    if (connectionString != null && accountKey != null) {
      throw new ConfigurationException(
          key(context, "connection-string"),
          "Set either '"
              + key(context, "connection-string")
              + "' or '"
              + key(context, "account-name")
              + "' + '"
              + key(context, "account-key")
              + "', not both.");
    }
    String endpoint = endpoint(context, connectionString, accountName);
    long blockSize = blockSize(context);
    int concurrency = config.getInt(key(context, "max-concurrency"), DEFAULT_MAX_CONCURRENCY);
    if (concurrency < 1 || concurrency > 64) {
      throw PlinthConfig.invalid(
          key(context, "max-concurrency"), Integer.toString(concurrency), "1..64, e.g. 4");
    }
    boolean create = config.getBoolean(key(context, "create-container"), false);
    return new AzureBlobSettings(
        endpoint,
        container,
        connectionString,
        accountName,
        accountKey,
        create,
        blockSize,
        concurrency);
  }

  /**
   * Tells how the provider authenticates.
   *
   * @return the mode
   */
  AuthMode authMode() {
    if (connectionString != null) {
      return AuthMode.CONNECTION_STRING;
    }
    return accountKey != null ? AuthMode.SHARED_KEY : AuthMode.TOKEN_CREDENTIAL;
  }

  /**
   * Tells whether the connection string carries an account key (so it can sign SAS URLs).
   *
   * @return true if it has {@code AccountKey=}
   */
  boolean connectionStringHasKey() {
    return connectionString != null
        && connectionString.toLowerCase(Locale.ROOT).contains("accountkey=");
  }

  @Override
  public String toString() {
    return "AzureBlobSettings{endpoint="
        + (endpoint == null ? "<from connection string>" : endpoint)
        + ", container="
        + container
        + ", auth="
        + authMode()
        + ", createContainer="
        + createContainer
        + ", blockSize="
        + blockSize
        + ", maxConcurrency="
        + maxConcurrency
        + '}';
  }

  /** How the provider authenticates to Azure Storage. */
  enum AuthMode {
    /** A connection string (with an account key or a SAS token). */
    CONNECTION_STRING,
    /** Account name + account key. */
    SHARED_KEY,
    /** Passwordless: {@code DefaultAzureCredential}. */
    TOKEN_CREDENTIAL
  }

  private static String endpoint(ProviderContext context, String connection, String account) {
    String endpoint = optional(context, "endpoint");
    if (endpoint == null) {
      if (connection != null) {
        return null;
      }
      if (account != null) {
        return "https://" + account + ".blob.core.windows.net";
      }
      throw missing(
          context,
          "endpoint",
          "https://mystorageaccount.blob.core.windows.net",
          "it is required unless a connection string is set");
    }
    try {
      URI uri = new URI(endpoint);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new URISyntaxException(endpoint, "not an absolute http(s) URL");
      }
    } catch (URISyntaxException e) {
      throw PlinthConfig.invalid(
          key(context, "endpoint"),
          endpoint,
          "an https URL such as https://mystorageaccount.blob.core.windows.net");
    }
    return endpoint;
  }

  private static long blockSize(ProviderContext context) {
    String k = key(context, "block-size");
    Optional<String> text = context.config().get(k).map(String::trim).filter(v -> !v.isEmpty());
    if (text.isEmpty()) {
      return DEFAULT_BLOCK_SIZE;
    }
    long size = ByteSizes.parse(k, text.get());
    if (size < MIN_BLOCK_SIZE || size > MAX_BLOCK_SIZE) {
      throw PlinthConfig.invalid(
          k, text.get(), "a size between 64KiB and 2047MiB, e.g. 4MiB or 8388608");
    }
    return size;
  }

  private static String optional(ProviderContext context, String name) {
    return context
        .get(PROVIDER + "." + name)
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .orElse(null);
  }

  private static String key(ProviderContext context, String name) {
    return context.key(PROVIDER + "." + name);
  }

  private static ConfigurationException missing(
      ProviderContext context, String name, String example, String why) {
    String k = key(context, name);
    String env = PlinthConfig.envName(k);
    return new ConfigurationException(
        k, "Missing configuration '" + k + "' (" + why + "). Example: " + env + "=" + example);
  }
}
