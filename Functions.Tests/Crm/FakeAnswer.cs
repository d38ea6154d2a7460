namespace Switchboard.Tests.Crm;

/// <summary>What the fake CRM answers: a status, a JSON body, and optionally a wait before answering.</summary>
internal sealed record FakeAnswer(int Status, string? Json = null, TimeSpan? Delay = null);
