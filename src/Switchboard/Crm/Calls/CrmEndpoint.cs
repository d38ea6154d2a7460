namespace Switchboard.Crm.Calls;

/// <summary>
/// One CRM endpoint ("CRM personalizzato", "Configurazione endpoint"): URL, method, request parameters, how a
/// POST/PUT/PATCH body is shaped, and where in the JSON response the object of interest is. The URL may hold variables
/// (<c>https://crm.example.com/records/{RECORD_ID}/comments</c>); parameter values may hold variables, plain text,
/// numbers, or one of the functions <c>=DEFAULT_VALUE</c>, <c>=CONCAT_OR</c>, <c>=CONCAT_AND</c>.
/// </summary>
public record CrmEndpoint
{
    /// <summary>The body is the map of parameters.</summary>
    public const string Properties = "properties";

    /// <summary>The parameters are nested in a container named <see cref="ContainerName"/>.</summary>
    public const string Container = "container";

    /// <summary>The container is an object: <c>{ name: { …parameters } }</c>.</summary>
    public const string MapContainer = "map";

    /// <summary>The container is an array of one object: <c>{ name: [ { …parameters } ] }</c>.</summary>
    public const string ArrayContainer = "array";

    /// <summary>The request URL; its host may not be a variable.</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>POST (the default), GET, PUT or PATCH. GET sends the parameters in the query string.</summary>
    public string Method { get; init; } = "POST";

    /// <summary>The request parameters, in order; names are unique.</summary>
    public IReadOnlyList<CrmParameter> Parameters { get; init; } = [];

    /// <summary>For POST, PUT and PATCH: properties (the default) or container.</summary>
    public string DataFormat { get; init; } = Properties;

    /// <summary>For the container format: map or array.</summary>
    public string? ContainerType { get; init; }

    /// <summary>For the container format: the name of the root property holding the parameters.</summary>
    public string? ContainerName { get; init; }

    /// <summary>
    /// Where the object of interest is in the JSON response, as a dot path with optional indexes (<c>data</c>,
    /// <c>data[0]</c>, <c>result.records</c>); empty for the whole response. An array found there stands for its
    /// first element, whose <c>id</c> is the id.
    /// </summary>
    public string? ResponseDataLocation { get; init; }
}
