using Microsoft.AspNetCore.Http;
using Switchboard.Crm.Lookup;
using Switchboard.Crm.Settings;

namespace Switchboard.Api;

/// <summary>What the CRM handlers need, bound with [AsParameters].</summary>
/// <param name="Store">The settings table.</param>
/// <param name="Catalog">This instance's settings cache, invalidated on every write.</param>
/// <param name="Validator">Validation as this deployment allows it (http and private endpoints only where permitted).</param>
/// <param name="Lookup">The lookup-URL builder.</param>
/// <param name="Tokens">The OAuth token source, for exchanging an authorization code.</param>
/// <param name="HttpContext">The current request, for its body and headers.</param>
public sealed record CrmApiServices(
    CrmSettingsStore Store, CrmSettingsCatalog Catalog, CrmSettingsValidator Validator, CrmSessionLookup Lookup, CrmTokenSource Tokens, HttpContext HttpContext);
