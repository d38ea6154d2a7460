namespace Switchboard.Storage;

/// <summary>How an update or upsert treats properties the request does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep them (PATCH).</summary>
    Merge,

    /// <summary>Remove them (PUT).</summary>
    Replace,
}
