namespace Switchboard.Storage;

/// <summary>The REST API versions (<c>x-ms-version</c>) the clients speak.</summary>
public static class StorageVersions
{
    /// <summary>Blob and queue service version; accepted by Azure and Azurite 3.3x, and valid for bearer tokens.</summary>
    public const string BlobAndQueue = "2025-01-05";

    /// <summary>Table service version, the one Azure.Data.Tables sends.</summary>
    public const string Table = "2020-12-06";
}
