namespace Switchboard.Crm.Settings;

/// <summary>One custom header pair ("Chiave campo", "Valore campo") sent with every CRM request.</summary>
public sealed record CrmHeader
{
    /// <summary>The header name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The header value; masked in API responses, since it usually is an API key.</summary>
    public string Value { get; init; } = string.Empty;
}
