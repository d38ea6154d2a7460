namespace Switchboard.Api;

/// <summary>What a uContact administrator stores in <c>ccdata.webhooks</c> to send events to Switchboard.</summary>
/// <param name="Url">The ingest URL for the <c>url</c> column.</param>
/// <param name="Length">Its length in characters.</param>
/// <param name="MaxLength">What the column holds (256).</param>
/// <param name="Statements">One UPDATE per event row.</param>
public sealed record UcontactRegistration(string Url, int Length, int MaxLength, IReadOnlyList<string> Statements);
