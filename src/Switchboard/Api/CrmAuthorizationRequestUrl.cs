namespace Switchboard.Api;

/// <summary>The answer of <c>GET api/crm/oauth/authorize</c>: where a user consents to Switchboard calling the CRM.</summary>
/// <param name="Url">The authorization URL with the client's parameters.</param>
public sealed record CrmAuthorizationRequestUrl(Uri Url);
