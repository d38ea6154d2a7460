using System.Text.Json;
using Switchboard.Crm.Settings;

namespace Switchboard.Tests.Crm;

/// <summary>The complete example configuration of docs-crm.md, pointed at a base URL of the test's choosing.</summary>
internal static class CrmSamples
{
    public const string Json = """
        {
          "enabled": true,
          "auth": { "method": "basic", "basic": { "username": "switchboard", "password": "s3cret-passw0rd" } },
          "phoneFormat": "e164",
          "timeoutSeconds": 5,
          "accountLookupUrl": "https://crm.example.com/contact/{ACCOUNT_ID}",
          "recordLookupUrl": "https://crm.example.com/record/{RECORD_ID}",
          "reuseRecords": false,
          "endpoints": {
            "findAccountByQuery": {
              "url": "{BASE}api/accounts/search", "method": "GET",
              "parameters": [ { "name": "criteria", "value": "=CONCAT_OR((Phone:equals:{PHONE_NUMBER}), (Email:equals:{EMAIL}))" } ],
              "responseDataLocation": "data"
            },
            "findAccountById": { "url": "{BASE}api/accounts/{ACCOUNT_ID}", "method": "GET" },
            "createAccount": {
              "url": "{BASE}api/accounts", "method": "POST",
              "parameters": [
                { "name": "name", "value": "=DEFAULT_VALUE({NAME}, Unknown caller)" },
                { "name": "phone", "value": "{PHONE_NUMBER}" },
                { "name": "email", "value": "{EMAIL}" }
              ],
              "dataFormat": "container", "containerType": "array", "containerName": "data",
              "responseDataLocation": "data[0]"
            },
            "createRecord": {
              "url": "{BASE}api/records", "method": "POST",
              "parameters": [
                { "name": "subject", "value": "{TICKET_SUBJECT}" },
                { "name": "contactId", "value": "{ACCOUNT_ID}" },
                { "name": "phone", "value": "{PHONE_NUMBER}" },
                { "name": "sourceType", "value": "PHONE" },
                { "name": "menu", "value": "{MENU_PATH}" },
                { "name": "agent", "value": "=DEFAULT_VALUE({AGENT_EMAIL}, support@example.com)" }
              ],
              "dataFormat": "container", "containerType": "map", "containerName": "record",
              "responseDataLocation": "record"
            },
            "updateRecord": {
              "url": "{BASE}api/records/{RECORD_ID}", "method": "PATCH",
              "parameters": [
                { "name": "subject", "value": "{TICKET_SUBJECT}" },
                { "name": "description", "value": "{TICKET_DESCRIPTION}" },
                { "name": "duration", "value": "{CALL_DURATION}" },
                { "name": "rating", "value": "=DEFAULT_VALUE({RATING}, none)" }
              ]
            },
            "uploadFile": {
              "url": "{BASE}api/records/{RECORD_ID}/attachments", "method": "POST",
              "parameters": [
                { "name": "file", "value": "{FILE_DATA}" },
                { "name": "name", "value": "{FILE_NAME}" }
              ],
              "uploadType": "multipart",
              "files": [ "metadata", "transcripts", "recordings" ],
              "attachmentType": "id", "attachmentIdLocation": "id",
              "attachmentUrlBuilder": "https://crm.example.com/record/{RECORD_ID}/attachments/{ATTACHMENT_ID}",
              "addComment": true
            },
            "comment": {
              "url": "{BASE}api/records/{RECORD_ID}/comments", "method": "POST",
              "parameters": [ { "name": "comment", "value": "{COMMENT_BODY}" } ]
            }
          },
          "lookupUrls": {
            "phone": "https://crm.example.com/search?phone={CUSTOMER_PHONE_NUMBER}&queue={MENU_PATH}&session={SESSION_ID}",
            "sdk": "https://crm.example.com/search?cuid={CUID}&email={EMAIL}&session={SESSION_ID}"
          }
        }
        """;

    public static CrmSettings Settings(string baseUrl = "https://api.crm.example.com/", string tenant = "default") =>
        JsonSerializer.Deserialize<CrmSettings>(Json.Replace("{BASE}", baseUrl, StringComparison.Ordinal), CrmJson.InputOptions)! with { Tenant = tenant };

    public static CrmSettings Valid(string baseUrl = "https://api.crm.example.com/", string tenant = "default", bool allowPrivateNetworks = false)
    {
        var problems = new CrmSettingsValidator(allowPrivateNetworks).Validate(Settings(baseUrl, tenant), out var normalized);
        Assert.Empty(problems);
        return normalized;
    }
}
