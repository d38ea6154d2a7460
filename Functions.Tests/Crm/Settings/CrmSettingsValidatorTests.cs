using Switchboard.Crm.Calls;
using Switchboard.Crm.Lookup;
using Switchboard.Crm.Settings;

namespace Switchboard.Tests.Crm.Settings;

public sealed class CrmSettingsValidatorTests
{
    private static readonly CrmSettingsValidator Validator = new();

    private static IReadOnlyDictionary<string, string[]> Problems(CrmSettings settings, bool allowPrivateNetworks = false) =>
        new CrmSettingsValidator(allowPrivateNetworks).Validate(settings, out _);

    private static CrmEndpoints Endpoints => CrmSamples.Settings().Endpoints;

    [Fact]
    public void The_documented_example_is_valid_and_comes_back_normalised()
    {
        var settings = CrmSamples.Settings() with
        {
            PhoneFormat = "E164",
            Auth = CrmSamples.Settings().Auth with { Method = "BASIC" },
            Endpoints = Endpoints with { CreateRecord = Endpoints.CreateRecord! with { Method = "post", DataFormat = "Container", ContainerType = "MAP" } },
        };

        var problems = Validator.Validate(settings, out var normalized);

        Assert.Empty(problems);
        Assert.Equal(("e164", "basic"), (normalized.PhoneFormat, normalized.Auth.Method));
        Assert.Equal(("POST", "container", "map"), (normalized.Endpoints.CreateRecord!.Method, normalized.Endpoints.CreateRecord.DataFormat, normalized.Endpoints.CreateRecord.ContainerType));
        Assert.IsType<CrmUploadEndpoint>(normalized.Endpoints.UploadFile);
    }

    [Fact]
    public void An_empty_configuration_is_valid_and_sends_nothing()
    {
        Assert.Empty(Validator.Validate(new CrmSettings(), out var normalized));
        Assert.False(normalized.Endpoints.Any);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void The_timeout_is_one_to_ten_seconds(int seconds) =>
        Assert.Equal(["must be between 1 and 10"], Problems(new CrmSettings { TimeoutSeconds = seconds })["timeoutSeconds"]);

    [Fact]
    public void Unknown_names_are_problems_naming_their_field()
    {
        var settings = new CrmSettings { Tenant = "a/b", PhoneFormat = "local", Auth = new CrmAuth { Method = "kerberos" } };

        var problems = Problems(settings);

        Assert.Equal(["tenant", "auth.method", "phoneFormat"], problems.Keys);
        Assert.StartsWith("must be one of automatic, e164, usLocal, usLocalStandard, international, national", problems["phoneFormat"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UK")]
    [InlineData("001")]
    [InlineData("Italy")]
    [InlineData("XX")]
    public void The_default_region_must_be_an_iso_code_with_phone_numbering_data(string region) =>
        Assert.Equal(
            ["must be an ISO 3166-1 alpha-2 region code with phone numbering data, such as US, GB or IT"],
            Problems(new CrmSettings { DefaultRegion = region })["defaultRegion"]);

    [Theory]
    [InlineData("gb", "GB")]
    [InlineData(" it ", "IT")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_default_region_comes_back_in_upper_case_and_blank_means_the_hosts(string? region, string? expected)
    {
        Assert.Empty(Validator.Validate(new CrmSettings { DefaultRegion = region }, out var normalized));
        Assert.Equal(expected, normalized.DefaultRegion);
    }

    [Fact]
    public void Each_auth_method_requires_its_own_fields()
    {
        Assert.Equal(["auth.basic.username", "auth.basic.password"], Problems(new CrmSettings { Auth = new CrmAuth { Method = "basic", Basic = new CrmBasicAuth { Username = "a:b" } } }).Keys);
        Assert.Equal(["auth.basic"], Problems(new CrmSettings { Auth = new CrmAuth { Method = "basic" } }).Keys);
        Assert.Equal(["auth.headers"], Problems(new CrmSettings { Auth = new CrmAuth { Method = "header" } }).Keys);
        Assert.Equal(["auth.oauth"], Problems(new CrmSettings { Auth = new CrmAuth { Method = "oauth2" } }).Keys);

        var headers = Problems(new CrmSettings
        {
            Auth = new CrmAuth { Method = "header", Headers = [new() { Name = "X-Api-Key", Value = "k" }, new() { Name = "x-api-key", Value = "k" }, new() { Name = "Bad Name", Value = "v" }, new() { Name = "Authorization", Value = "" }] },
        });
        Assert.Equal(["is listed twice"], headers["auth.headers[1].name"]);
        Assert.Equal(["is not a valid header name"], headers["auth.headers[2].name"]);
        Assert.Equal(["is set by Switchboard and cannot be configured"], headers["auth.headers[3].name"]);
        Assert.Equal(["is required and may not hold control characters"], headers["auth.headers[3].value"]);

        var oauth = Problems(new CrmSettings
        {
            Auth = new CrmAuth { Method = "oauth2", OAuth = new CrmOAuth { AuthorizationUrl = "ftp://x", TokenUrl = "http://crm.example.com/token", GrantType = "refresh_token", IncludeRedirectUrl = true } },
        });
        Assert.Equal(
            ["auth.oauth.authorizationUrl", "auth.oauth.tokenUrl", "auth.oauth.clientId", "auth.oauth.clientSecret", "auth.oauth.refreshToken", "auth.oauth.redirectUrl"],
            oauth.Keys);
        Assert.Equal(["must use https (http only when Delivery:AllowPrivateNetworks is on)"], oauth["auth.oauth.tokenUrl"]);
    }

    [Fact]
    public void Endpoint_fields_are_checked_one_by_one()
    {
        var broken = new CrmEndpoint
        {
            Url = "https://{ACCOUNT_ID}.crm.example.com/x",
            Method = "DELETE",
            Parameters = [new() { Name = "a", Value = "{NOPE}" }, new() { Name = "a", Value = "=CONCAT_OR(" }, new() { Name = " ", Value = "x" }, new() { Name = "b", Value = "{FILE_DATA} {COMMENT_BODY}" }],
            DataFormat = "container",
            ResponseDataLocation = "data..id",
        };

        var problems = Problems(new CrmSettings { Endpoints = Endpoints with { CreateRecord = broken } });

        Assert.Equal(["must not put a variable in the host: only path and query may hold them"], problems["endpoints.createRecord.url"]);
        Assert.Equal(["must be one of POST, GET, PUT, PATCH"], problems["endpoints.createRecord.method"]);
        Assert.Equal(["{NOPE} is not a known variable"], problems["endpoints.createRecord.parameters[0].value"]);
        Assert.Equal(["is listed twice"], problems["endpoints.createRecord.parameters[1].name"]);
        Assert.Equal(["a function is written =NAME(argument, …)"], problems["endpoints.createRecord.parameters[1].value"]);
        Assert.Equal(["is required"], problems["endpoints.createRecord.parameters[2].name"]);
        Assert.Equal(["{FILE_DATA} is available only in the uploadFile endpoint", "{COMMENT_BODY} is available only in the comment endpoint"], problems["endpoints.createRecord.parameters[3].value"]);
        Assert.Equal(["must be one of map, array for the container format"], problems["endpoints.createRecord.containerType"]);
        Assert.Equal(["is required for the container format"], problems["endpoints.createRecord.containerName"]);
        Assert.Equal(["must be a dot path such as data, data[0] or result.records"], problems["endpoints.createRecord.responseDataLocation"]);
    }

    [Fact]
    public void Get_sends_parameters_in_the_query_so_takes_no_container()
    {
        var get = Endpoints.CreateAccount! with { Method = "GET" };

        Assert.Equal(
            ["container applies to POST, PUT and PATCH bodies; GET sends its parameters in the query string"],
            Problems(new CrmSettings { Endpoints = Endpoints with { CreateAccount = get } })["endpoints.createAccount.dataFormat"]);
    }

    [Fact]
    public void Http_endpoints_are_refused_unless_private_networks_are_allowed()
    {
        var settings = CrmSamples.Settings("http://127.0.0.1:5000/");

        Assert.Contains("endpoints.createAccount.url", Problems(settings).Keys);
        Assert.Empty(Problems(settings, allowPrivateNetworks: true));
    }

    [Fact]
    public void Each_level_of_endpoints_needs_the_one_above()
    {
        var onlyComment = new CrmSettings { Endpoints = new CrmEndpoints { Comment = Endpoints.Comment } };

        var problems = Problems(onlyComment);

        Assert.Equal(["endpoints.findAccountByQuery", "endpoints.createAccount", "endpoints.createRecord"], problems.Keys);
    }

    [Fact]
    public void Find_by_id_must_carry_the_account_id_and_the_comment_endpoint_its_body()
    {
        var settings = CrmSamples.Settings() with
        {
            Endpoints = Endpoints with
            {
                FindAccountById = Endpoints.FindAccountById! with { Url = "https://api.crm.example.com/accounts" },
                Comment = Endpoints.Comment! with { Parameters = [new() { Name = "text", Value = "hello" }] },
            },
        };

        var problems = Problems(settings);

        Assert.Equal(["must carry {ACCOUNT_ID}: the endpoint finds an account by the id in its URL"], problems["endpoints.findAccountById.url"]);
        Assert.Equal(["must pass {COMMENT_BODY}, the comment's text"], problems["endpoints.comment.parameters"]);
    }

    [Fact]
    public void Upload_fields_are_checked()
    {
        var upload = Endpoints.UploadFile! with
        {
            Method = "GET",
            UploadType = "ftp",
            Files = ["recordings", "faxes"],
            AttachmentType = "url",
            Parameters = [new() { Name = "file", Value = "data:{FILE_DATA}" }],
        };

        var problems = Problems(CrmSamples.Settings() with { Endpoints = Endpoints with { UploadFile = upload } });

        Assert.Equal(["must be POST, PUT or PATCH: a file is sent in the body"], problems["endpoints.uploadFile.method"]);
        Assert.Equal(["must be one of base64, multipart"], problems["endpoints.uploadFile.uploadType"]);
        Assert.Equal(["must be one of recordings, transcripts, voicemails, photos, videos, metadata"], problems["endpoints.uploadFile.files[1]"]);
        Assert.Equal(["is required when attachmentType is url"], problems["endpoints.uploadFile.attachmentUrlLocation"]);

        var multipart = upload with { Method = "POST", UploadType = "multipart", Files = ["metadata"], AttachmentType = "id" };
        Assert.Equal(
            ["must pass {FILE_DATA} as the whole value of one parameter, which becomes the file part"],
            Problems(CrmSamples.Settings() with { Endpoints = Endpoints with { UploadFile = multipart } })["endpoints.uploadFile.parameters"]);

        var noComment = CrmSamples.Settings() with { Endpoints = Endpoints with { Comment = null } };
        Assert.Equal(["needs endpoints.comment, which posts the comments"], Problems(noComment)["endpoints.uploadFile.addComment"]);
    }

    [Fact]
    public void Lookup_urls_take_only_their_own_variables()
    {
        var settings = new CrmSettings
        {
            AccountLookupUrl = "https://crm.example.com/contact",
            RecordLookupUrl = "https://crm.example.com/record/{RECORD_ID}?a={ACCOUNT_ID}",
            LookupUrls = new CrmLookupUrls { Phone = "https://crm.example.com/s?p={ANI}&x={PHONE_NUMBER}", Sdk = "crm.example.com/s?c={CUID}" },
        };

        var problems = Problems(settings);

        Assert.Equal(["must carry {ACCOUNT_ID}"], problems["accountLookupUrl"]);
        Assert.Equal(["{PHONE_NUMBER} cannot be used here"], problems["lookupUrls.phone"]);
        Assert.Equal(["must be an absolute http or https URL of at most 2048 characters"], problems["lookupUrls.sdk"]);
        Assert.DoesNotContain("recordLookupUrl", problems.Keys);
    }
}
