/**
 * The {@code azure-blob} storage provider: Azure Blob Storage through the official {@code
 * azure-storage-blob} SDK, passwordless ({@code DefaultAzureCredential}) by default, with a
 * connection string or account key as alternatives.
 */
package dev.plinth.azure.storage;
