namespace Switchboard.Events.Payloads;

/// <summary>How a request body is encoded.</summary>
internal enum BodyFormat
{
    Json,
    Form,
}
