namespace Switchboard.Crm.Settings;

/// <summary>How CRM requests authenticate ("CRM personalizzato", "Metodo di autenticazione").</summary>
public sealed record CrmAuth
{
    /// <summary>No authentication.</summary>
    public const string None = "none";

    /// <summary>HTTP basic authentication with <see cref="Basic"/>.</summary>
    public const string BasicMethod = "basic";

    /// <summary>Custom header pairs, <see cref="Headers"/>.</summary>
    public const string HeaderMethod = "header";

    /// <summary>An OAuth 2.0 bearer token obtained with <see cref="OAuth"/>.</summary>
    public const string OAuthMethod = "oauth2";

    /// <summary>none (the default), basic, header or oauth2.</summary>
    public string Method { get; init; } = None;

    /// <summary>The user name and password, for basic.</summary>
    public CrmBasicAuth? Basic { get; init; }

    /// <summary>The header pairs sent with every request, for header.</summary>
    public IReadOnlyList<CrmHeader> Headers { get; init; } = [];

    /// <summary>The OAuth 2.0 client, for oauth2.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("oauth")]
    public CrmOAuth? OAuth { get; init; }
}
