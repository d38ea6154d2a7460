using System.Text.Json;

namespace Switchboard.Pipeline;

/// <summary>
/// A piece of delayed work of any kind (a CRM call retry, an email retry): its kind selects the
/// <see cref="IPipelineWorkHandler"/> that runs it, its payload is what that handler needs.
/// </summary>
/// <param name="Kind">The handler's <see cref="IPipelineWorkHandler.Kind"/>.</param>
/// <param name="Id">A stable id (for logs and claim-check names), e.g. the delivery id and attempt.</param>
/// <param name="Payload">The handler's input, as JSON (keep it under 40 KiB).</param>
public sealed record PipelineWork(string Kind, string Id, JsonElement Payload);
