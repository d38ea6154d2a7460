using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Lookup;
using Switchboard.Triggers;
using Switchboard.Delivery;

namespace Switchboard.Crm.Settings;

/// <summary>
/// Checks CRM settings as an administrator sent them and returns them normalised (names of methods, formats and
/// kinds in their canonical spelling), or the problems keyed by the JSON path of the field they concern
/// (<c>auth.oauth.tokenUrl</c>, <c>endpoints.createRecord.parameters[2].value</c>) — the shape of a validation
/// problem+json. Endpoint URLs must use https, or http where <see cref="Delivery.DeliveryOptions.AllowPrivateNetworks"/>
/// is on, as webhooks must.
/// </summary>
public sealed class CrmSettingsValidator(bool allowPrivateNetworks = false)
{
    /// <summary>The longest settings may be once serialised, as they are stored in one table property.</summary>
    public const int MaxSerializedLength = StoredJson.MaxLength;

    private static readonly string[] AuthMethods = [CrmAuth.None, CrmAuth.BasicMethod, CrmAuth.HeaderMethod, CrmAuth.OAuthMethod];
    private static readonly string[] Grants = [CrmOAuth.ClientCredentials, CrmOAuth.RefreshTokenGrant];
    private static readonly string[] Methods = ["POST", "GET", "PUT", "PATCH"];
    private static readonly string[] DataFormats = [CrmEndpoint.Properties, CrmEndpoint.Container];
    private static readonly string[] ContainerTypes = [CrmEndpoint.MapContainer, CrmEndpoint.ArrayContainer];
    private static readonly string[] UploadTypes = [CrmUploadEndpoint.Base64, CrmUploadEndpoint.Multipart];
    private static readonly string[] AttachmentTypes = [CrmUploadEndpoint.AttachmentId, CrmUploadEndpoint.AttachmentUrl];

    // Authorization comes from the auth settings; a {VARIABLE} is filled with a placeholder to parse the URL.
    private readonly OutboundRequestRules requests = new(
        allowPrivateNetworks, ["authorization"], url => CrmTemplate.Probe(url, "x"), text => CrmTemplate.Variables(text).Count > 0);

    /// <summary>Problems by field; empty when the settings are valid, and then <paramref name="normalized"/> is what to store.</summary>
    public IReadOnlyDictionary<string, string[]> Validate(CrmSettings settings, out CrmSettings normalized)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!problems.TryGetValue(field, out var list))
            {
                problems[field] = list = [];
            }

            list.Add(message);
        }

        if (!KeyText.IsId(settings.Tenant))
        {
            Add("tenant", KeyText.IdRule);
        }

        var auth = ValidateAuth(settings.Auth, Add);
        var phoneFormat = CrmPhoneFormat.Normalise(settings.PhoneFormat);
        if (phoneFormat is null)
        {
            Add("phoneFormat", $"must be one of {string.Join(", ", CrmPhoneFormat.All)}");
        }

        var region = string.IsNullOrWhiteSpace(settings.DefaultRegion) ? null : CrmPhoneFormat.NormaliseRegion(settings.DefaultRegion);
        if (region is null && !string.IsNullOrWhiteSpace(settings.DefaultRegion))
        {
            Add("defaultRegion", "must be an ISO 3166-1 alpha-2 region code with phone numbering data, such as US, GB or IT");
        }

        if (settings.TimeoutSeconds is < 1 or > CrmSettings.MaxTimeoutSeconds)
        {
            Add("timeoutSeconds", $"must be between 1 and {CrmSettings.MaxTimeoutSeconds}");
        }

        ValidatePageUrl(settings.AccountLookupUrl, "accountLookupUrl", [CrmVariables.AccountId], CrmVariables.AccountId, Add);
        ValidatePageUrl(settings.RecordLookupUrl, "recordLookupUrl", [CrmVariables.RecordId, CrmVariables.AccountId], CrmVariables.RecordId, Add);
        ValidatePageUrl(settings.LookupUrls?.Phone, "lookupUrls.phone", CrmVariables.Lookup, null, Add);
        ValidatePageUrl(settings.LookupUrls?.Sdk, "lookupUrls.sdk", CrmVariables.Lookup, null, Add);

        var endpoints = ValidateEndpoints(settings.Endpoints ?? new CrmEndpoints(), Add);
        normalized = settings with
        {
            Auth = auth,
            PhoneFormat = phoneFormat ?? settings.PhoneFormat,
            DefaultRegion = region ?? Blank(settings.DefaultRegion),
            AccountLookupUrl = Blank(settings.AccountLookupUrl),
            RecordLookupUrl = Blank(settings.RecordLookupUrl),
            LookupUrls = new CrmLookupUrls { Phone = Blank(settings.LookupUrls?.Phone), Sdk = Blank(settings.LookupUrls?.Sdk) },
            Endpoints = endpoints,
        };

        if (problems.Count == 0 && JsonSerializer.Serialize(normalized, CrmJson.Options) is { Length: > MaxSerializedLength } json)
        {
            Add(StoredJson.LargestField(json), $"is the largest part of settings too large to store: keep the serialised settings under {MaxSerializedLength} characters");
        }

        return problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    private CrmAuth ValidateAuth(CrmAuth? auth, Action<string, string> add)
    {
        auth ??= new CrmAuth();
        var method = auth.Method?.ToLowerInvariant() ?? string.Empty;
        if (!AuthMethods.Contains(method))
        {
            add("auth.method", $"must be one of {string.Join(", ", AuthMethods)}");
        }

        var headers = auth.Headers ?? [];
        switch (method)
        {
            case CrmAuth.BasicMethod when auth.Basic is null:
                add("auth.basic", "is required for basic authentication");
                break;
            case CrmAuth.BasicMethod:
                if (string.IsNullOrEmpty(auth.Basic.Username) || auth.Basic.Username.Contains(':', StringComparison.Ordinal))
                {
                    add("auth.basic.username", "is required and may not contain ':'");
                }

                if (string.IsNullOrEmpty(auth.Basic.Password))
                {
                    add("auth.basic.password", "is required");
                }

                break;
            case CrmAuth.HeaderMethod when headers.Count == 0:
                add("auth.headers", "must hold at least one header pair for header authentication");
                break;
            case CrmAuth.OAuthMethod:
                ValidateOAuth(auth.OAuth, add);
                break;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (requests.CheckHeaderName(header?.Name) is { } nameProblem)
            {
                add($"auth.headers[{i}].name", nameProblem);
            }
            else if (!seen.Add(header!.Name))
            {
                add($"auth.headers[{i}].name", "is listed twice");
            }

            // A value is worth checking only under a name that is one.
            if (header is null || !OutboundRequestRules.IsHeaderName(header.Name))
            {
                continue;
            }

            if (string.IsNullOrEmpty(header.Value) || header.Value.Any(char.IsControl))
            {
                add($"auth.headers[{i}].value", "is required and may not hold control characters");
            }
        }

        return auth with
        {
            Method = method,
            Headers = headers,
            OAuth = auth.OAuth is { } oauth ? oauth with { GrantType = oauth.GrantType?.ToLowerInvariant() ?? string.Empty } : null,
        };
    }

    private void ValidateOAuth(CrmOAuth? oauth, Action<string, string> add)
    {
        if (oauth is null)
        {
            add("auth.oauth", "is required for OAuth 2.0 authentication");
            return;
        }

        ValidateUrl(oauth.AuthorizationUrl, "auth.oauth.authorizationUrl", [], add);
        ValidateUrl(oauth.TokenUrl, "auth.oauth.tokenUrl", [], add);
        if (string.IsNullOrWhiteSpace(oauth.ClientId))
        {
            add("auth.oauth.clientId", "is required");
        }

        if (string.IsNullOrEmpty(oauth.ClientSecret))
        {
            add("auth.oauth.clientSecret", "is required");
        }

        var grant = oauth.GrantType?.ToLowerInvariant() ?? string.Empty;
        if (!Grants.Contains(grant))
        {
            add("auth.oauth.grantType", $"must be one of {string.Join(", ", Grants)}");
        }
        else if (grant == CrmOAuth.RefreshTokenGrant && string.IsNullOrEmpty(oauth.RefreshToken))
        {
            add("auth.oauth.refreshToken", "is required for the refresh_token grant");
        }

        if (oauth.IncludeRedirectUrl && !OutboundRequestRules.IsAbsoluteHttp(oauth.RedirectUrl))
        {
            add("auth.oauth.redirectUrl", "must be an absolute http or https URL when includeRedirectUrl is on");
        }
    }

    private CrmEndpoints ValidateEndpoints(CrmEndpoints endpoints, Action<string, string> add)
    {
        var any = false;
        foreach (var (name, endpoint) in endpoints.All)
        {
            if (endpoint is null)
            {
                continue;
            }

            any = true;
            ValidateEndpoint(endpoint, $"endpoints.{name}", name, add);
        }

        if (any)
        {
            // Records belong to accounts and updates to records ("CRM personalizzato", "Terminologia"), so each level
            // needs the one above.
            if (endpoints.FindAccountByQuery is null)
            {
                add("endpoints.findAccountByQuery", "is required once any endpoint is configured: every session is tied to an account");
            }

            if (endpoints.CreateAccount is null)
            {
                add("endpoints.createAccount", "is required once any endpoint is configured: an account is created when none is found");
            }

            if (endpoints.CreateRecord is null && (endpoints.FindRecordByQuery ?? endpoints.UpdateRecord ?? endpoints.UploadFile ?? (CrmEndpoint?)endpoints.Comment) is not null)
            {
                add("endpoints.createRecord", "is required by the record endpoints: a record is created when none is reused");
            }
        }

        if (endpoints.FindAccountById is { } byId && !CrmTemplate.Refers(byId.Url, CrmVariables.AccountId))
        {
            add("endpoints.findAccountById.url", "must carry {ACCOUNT_ID}: the endpoint finds an account by the id in its URL");
        }

        if (endpoints.Comment is { } comment && !CrmTemplate.Refers(comment.Url, CrmVariables.CommentBody)
            && !(comment.Parameters ?? []).Any(p => CrmTemplate.Refers(p?.Value, CrmVariables.CommentBody)))
        {
            add("endpoints.comment.parameters", "must pass {COMMENT_BODY}, the comment's text");
        }

        if (endpoints.UploadFile is { AddComment: true } && endpoints.Comment is null)
        {
            add("endpoints.uploadFile.addComment", "needs endpoints.comment, which posts the comments");
        }

        return endpoints with
        {
            FindAccountByQuery = Normalise(endpoints.FindAccountByQuery),
            FindAccountById = Normalise(endpoints.FindAccountById),
            CreateAccount = Normalise(endpoints.CreateAccount),
            FindRecordByQuery = Normalise(endpoints.FindRecordByQuery),
            CreateRecord = Normalise(endpoints.CreateRecord),
            UpdateRecord = Normalise(endpoints.UpdateRecord),
            UploadFile = endpoints.UploadFile is { } upload
                ? (CrmUploadEndpoint)Normalise(upload)! with
                {
                    UploadType = upload.UploadType?.ToLowerInvariant() ?? string.Empty,
                    AttachmentType = upload.AttachmentType?.ToLowerInvariant() ?? string.Empty,
                    Files = [.. (upload.Files ?? []).Where(f => f is not null).Select(f => f.ToLowerInvariant()).Distinct(StringComparer.Ordinal)],
                    AttachmentUrlBuilder = Blank(upload.AttachmentUrlBuilder),
                    AttachmentIdLocation = Blank(upload.AttachmentIdLocation),
                    AttachmentUrlLocation = Blank(upload.AttachmentUrlLocation),
                }
                : null,
            Comment = endpoints.Comment is { } c ? (CrmCommentEndpoint)Normalise(c)! : null,
        };
    }

    private void ValidateEndpoint(CrmEndpoint endpoint, string at, string name, Action<string, string> add)
    {
        var upload = endpoint as CrmUploadEndpoint;
        var allowed = CrmVariables.Parameters
            .Where(v => upload is not null || !CrmVariables.UploadOnly.Contains(v))
            .Where(v => name == "comment" || v != CrmVariables.CommentBody)
            .ToList();
        ValidateUrl(endpoint.Url, $"{at}.url", allowed, add);

        var method = endpoint.Method?.ToUpperInvariant() ?? string.Empty;
        if (!Methods.Contains(method))
        {
            add($"{at}.method", $"must be one of {string.Join(", ", Methods)}");
        }

        var parameters = endpoint.Parameters ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (parameter is null || string.IsNullOrWhiteSpace(parameter.Name))
            {
                add($"{at}.parameters[{i}].name", "is required");
                continue;
            }

            if (!names.Add(parameter.Name))
            {
                add($"{at}.parameters[{i}].name", "is listed twice");
            }

            var value = parameter.Value ?? string.Empty;
            if (CrmFunction.IsFunction(value))
            {
                var function = CrmFunction.Parse(value, out var error);
                if (function is null)
                {
                    add($"{at}.parameters[{i}].value", error!);
                }
                else
                {
                    foreach (var argument in function.Arguments)
                    {
                        CheckVariables(argument, $"{at}.parameters[{i}].value", allowed, add);
                    }
                }
            }
            else
            {
                CheckVariables(value, $"{at}.parameters[{i}].value", allowed, add);
            }
        }

        var format = endpoint.DataFormat?.ToLowerInvariant() ?? string.Empty;
        if (!DataFormats.Contains(format))
        {
            add($"{at}.dataFormat", $"must be one of {string.Join(", ", DataFormats)}");
        }
        else if (format == CrmEndpoint.Container)
        {
            if (method == "GET")
            {
                add($"{at}.dataFormat", "container applies to POST, PUT and PATCH bodies; GET sends its parameters in the query string");
            }

            if (!ContainerTypes.Contains(endpoint.ContainerType?.ToLowerInvariant() ?? string.Empty))
            {
                add($"{at}.containerType", $"must be one of {string.Join(", ", ContainerTypes)} for the container format");
            }

            if (string.IsNullOrWhiteSpace(endpoint.ContainerName))
            {
                add($"{at}.containerName", "is required for the container format");
            }
        }

        if (CrmDataLocation.Parse(endpoint.ResponseDataLocation) is null)
        {
            add($"{at}.responseDataLocation", "must be a dot path such as data, data[0] or result.records");
        }

        if (upload is not null)
        {
            ValidateUpload(upload, at, method, format, parameters, add);
        }
    }

    private static void ValidateUpload(CrmUploadEndpoint upload, string at, string method, string format, IReadOnlyList<CrmParameter> parameters, Action<string, string> add)
    {
        if (method == "GET")
        {
            add($"{at}.method", "must be POST, PUT or PATCH: a file is sent in the body");
        }

        var type = upload.UploadType?.ToLowerInvariant() ?? string.Empty;
        if (!UploadTypes.Contains(type))
        {
            add($"{at}.uploadType", $"must be one of {string.Join(", ", UploadTypes)}");
        }

        var carriers = parameters.Where(p => p is not null && CrmTemplate.Refers(p.Value, CrmVariables.FileData)).ToList();
        if (carriers.Count == 0)
        {
            add($"{at}.parameters", "must pass {FILE_DATA}, the file");
        }
        else if (type == CrmUploadEndpoint.Multipart)
        {
            if (carriers.Count > 1 || !CrmTemplate.IsSingleVariable(carriers[0].Value, out _))
            {
                add($"{at}.parameters", "must pass {FILE_DATA} as the whole value of one parameter, which becomes the file part");
            }

            if (format == CrmEndpoint.Container)
            {
                add($"{at}.dataFormat", "must be properties for multipart uploads: each parameter is a form field");
            }
        }

        var files = upload.Files ?? [];
        if (files.Count == 0)
        {
            add($"{at}.files", $"must name the files to upload: {string.Join(", ", CrmUploadEndpoint.FileKinds)}");
        }

        for (var i = 0; i < files.Count; i++)
        {
            if (!CrmUploadEndpoint.FileKinds.Contains(files[i]?.ToLowerInvariant() ?? string.Empty))
            {
                add($"{at}.files[{i}]", $"must be one of {string.Join(", ", CrmUploadEndpoint.FileKinds)}");
            }
        }

        var attachment = upload.AttachmentType?.ToLowerInvariant() ?? string.Empty;
        if (!AttachmentTypes.Contains(attachment))
        {
            add($"{at}.attachmentType", $"must be one of {string.Join(", ", AttachmentTypes)}");
        }

        if (CrmDataLocation.Parse(upload.AttachmentIdLocation) is null)
        {
            add($"{at}.attachmentIdLocation", "must be a dot path such as id or data.id");
        }

        if (CrmDataLocation.Parse(upload.AttachmentUrlLocation) is null)
        {
            add($"{at}.attachmentUrlLocation", "must be a dot path such as url or data.url");
        }

        if (attachment == CrmUploadEndpoint.AttachmentUrl && string.IsNullOrWhiteSpace(upload.AttachmentUrlLocation))
        {
            add($"{at}.attachmentUrlLocation", "is required when attachmentType is url");
        }

        if (!string.IsNullOrWhiteSpace(upload.AttachmentUrlBuilder))
        {
            ValidatePageUrl(upload.AttachmentUrlBuilder, $"{at}.attachmentUrlBuilder", [CrmVariables.RecordId, CrmVariables.AccountId, CrmVariables.AttachmentId], null, add);
        }
    }

    /// <summary>An endpoint URL: absolute, https (or http where allowed), the host fixed, only allowed variables.</summary>
    private void ValidateUrl(string? url, string field, IReadOnlyList<string> allowed, Action<string, string> add)
    {
        if (requests.CheckUrl(url) is { } problem)
        {
            add(field, problem);
        }

        // A missing or overlong URL is one problem; one that is there is read for its variables too.
        if (url is { Length: <= OutboundRequestRules.MaxUrlLength })
        {
            CheckVariables(url, field, allowed, add);
        }
    }

    /// <summary>A URL people open in a browser: absolute http or https, with <paramref name="required"/> when given.</summary>
    private static void ValidatePageUrl(string? url, string field, IReadOnlyList<string> allowed, string? required, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        if (url.Length > OutboundRequestRules.MaxUrlLength || !OutboundRequestRules.IsAbsoluteHttp(CrmTemplate.Probe(url, "x")))
        {
            add(field, $"must be an absolute http or https URL of at most {OutboundRequestRules.MaxUrlLength} characters");
        }
        else if (CrmTemplate.Variables(OutboundRequestRules.Authority(url)).Count > 0)
        {
            add(field, "must not put a variable in the host");
        }

        if (required is not null && !CrmTemplate.Refers(url, required))
        {
            add(field, $"must carry {{{required}}}");
        }

        CheckVariables(url, field, allowed, add);
    }

    private static void CheckVariables(string? text, string field, IReadOnlyList<string> allowed, Action<string, string> add)
    {
        foreach (var variable in CrmTemplate.Variables(text).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!allowed.Contains(variable, StringComparer.OrdinalIgnoreCase))
            {
                var reason = CrmVariables.UploadOnly.Contains(variable, StringComparer.OrdinalIgnoreCase) ? "is available only in the uploadFile endpoint"
                    : string.Equals(variable, CrmVariables.CommentBody, StringComparison.OrdinalIgnoreCase) ? "is available only in the comment endpoint"
                    : CrmVariables.Parameters.Concat(CrmVariables.Lookup).Contains(variable, StringComparer.OrdinalIgnoreCase) ? "cannot be used here"
                    : "is not a known variable";
                add(field, $"{{{variable}}} {reason}");
            }
        }
    }

    private static CrmEndpoint? Normalise(CrmEndpoint? endpoint) => endpoint is null ? null : endpoint with
    {
        Url = endpoint.Url?.Trim() ?? string.Empty,
        Method = endpoint.Method?.ToUpperInvariant() ?? string.Empty,
        Parameters = [.. (endpoint.Parameters ?? []).Where(p => p is not null).Select(p => p with { Value = p.Value ?? string.Empty })],
        DataFormat = endpoint.DataFormat?.ToLowerInvariant() ?? string.Empty,
        ContainerType = Blank(endpoint.ContainerType)?.ToLowerInvariant(),
        ContainerName = Blank(endpoint.ContainerName),
        ResponseDataLocation = Blank(endpoint.ResponseDataLocation),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

}
