namespace Switchboard.Api;

/// <summary>The body of <c>POST api/crm/oauth/code</c>: the authorization code the CRM's consent page redirected with.</summary>
/// <param name="Code">The code.</param>
public sealed record CrmOAuthCodeRequest(string? Code);
