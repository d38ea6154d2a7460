namespace Switchboard.Storage;

/// <summary>An operation and its entity, for <see cref="TableClient.SubmitTransactionAsync"/>.</summary>
/// <param name="ActionType">What to do.</param>
/// <param name="Entity">The entity; for updates and deletes its <see cref="TableEntity.ETag"/> is the condition.</param>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity);
