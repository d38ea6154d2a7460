namespace Switchboard.Storage;

/// <summary>What a failed storage request means to a caller, beyond its status code.</summary>
public enum StorageErrorKind
{
    /// <summary>Any failure without a more specific meaning.</summary>
    Other,

    /// <summary>404: the table, queue, container, entity, message or blob does not exist.</summary>
    NotFound,

    /// <summary>409 on create: the entity or blob already exists (insert, or <c>If-None-Match: *</c>).</summary>
    AlreadyExists,

    /// <summary>412: the ETag in <c>If-Match</c> no longer matches.</summary>
    PreconditionFailed,
}
