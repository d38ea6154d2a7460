namespace Switchboard.Storage;

/// <summary>One operation inside an entity group transaction.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails the transaction when the entity exists.</summary>
    Add,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,

    /// <summary>Merge into an existing entity, honouring its ETag (or any, when the ETag is default).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity, honouring its ETag (or any, when the ETag is default).</summary>
    UpdateReplace,

    /// <summary>Delete an existing entity, honouring its ETag (or any, when the ETag is default).</summary>
    Delete,
}
