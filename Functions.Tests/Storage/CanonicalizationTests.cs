using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Switchboard.Storage;

namespace Switchboard.Tests.Storage;

/// <summary>The exact strings our policies sign, pinned for the cases that are easy to get wrong.</summary>
public sealed class CanonicalizationTests
{
    private static Request NewRequest(RequestMethod method, string uri)
    {
        var request = HttpPipelineBuilder.Build(new StorageClientOptions()).CreateRequest();
        request.Method = method;
        request.Uri.Reset(new Uri(uri));
        return request;
    }

    [Fact]
    public void Several_values_of_one_query_parameter_are_sorted_and_joined_and_names_lower_cased()
    {
        var resource = SharedKeyPolicy.CanonicalResource(
            new Uri("http://127.0.0.1:10000/devstoreaccount1/c?Zeta=1&comp=list&alpha=b&alpha=a&prefix=x%20y"), "devstoreaccount1", includeQuery: true);

        Assert.Equal("/devstoreaccount1/devstoreaccount1/c\nalpha:a,b\ncomp:list\nprefix:x y\nzeta:1", resource);
    }

    [Fact]
    public void Empty_headers_leave_empty_lines_and_a_zero_length_body_signs_as_empty()
    {
        var request = NewRequest(RequestMethod.Put, "https://acct.queue.core.windows.net/q");
        request.Headers.SetValue("x-ms-version", "2025-01-05");
        request.Headers.SetValue("x-ms-date", "Thu, 21 Nov 2026 10:00:00 GMT");
        request.Content = RequestContent.Create(Array.Empty<byte>());

        var text = SharedKeyPolicy.StringToSign(request, "acct");

        Assert.Equal("PUT\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Thu, 21 Nov 2026 10:00:00 GMT\nx-ms-version:2025-01-05\n/acct/q", text);
    }

    [Fact]
    public void Signed_headers_appear_in_their_fixed_order_and_x_ms_headers_sorted_lower_case()
    {
        var request = NewRequest(RequestMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/c/b.txt");
        request.Headers.SetValue("X-MS-Version", "2025-01-05");
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Headers.SetValue("x-ms-date", "d");
        request.Headers.SetValue("Content-Type", "text/plain");
        request.Headers.SetValue("If-None-Match", "*");
        request.Content = RequestContent.Create(Encoding.UTF8.GetBytes("hello"));

        var text = SharedKeyPolicy.StringToSign(request, "devstoreaccount1");

        Assert.Equal(
            "PUT\n\n\n5\n\ntext/plain\n\n\n\n*\n\n\nx-ms-blob-type:BlockBlob\nx-ms-date:d\nx-ms-version:2025-01-05\n/devstoreaccount1/devstoreaccount1/c/b.txt",
            text);
    }

    [Fact]
    public void Table_keys_with_quotes_sign_the_escaped_path_and_only_comp_from_the_query()
    {
        var uri = new Uri("http://127.0.0.1:10002/devstoreaccount1/t(PartitionKey='o''brien',RowKey='a%20b')?$select=A&comp=x");

        var text = SharedKeyLitePolicy.StringToSign("date", uri, "devstoreaccount1");

        Assert.Equal("date\n/devstoreaccount1/devstoreaccount1/t(PartitionKey='o''brien',RowKey='a%20b')?comp=x", text);
    }

    [Fact]
    public void Table_filter_values_are_literals_that_cannot_escape_their_quotes()
    {
        var filter = TableFilter.Create($"PartitionKey eq {"a' or 'x'='x"} and N gt {5L} and F eq {true} and T lt {new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2))}");

        Assert.Equal("PartitionKey eq 'a'' or ''x''=''x' and N gt 5L and F eq true and T lt datetime'2024-01-02T01:04:05.0000000Z'", filter);
    }

    [Fact]
    public void Signature_is_base64_hmac_sha256_with_the_decoded_key()
    {
        var credential = new StorageSharedKeyCredential("a", Convert.ToBase64String(Encoding.UTF8.GetBytes("key")));

        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a published test vector.
        Assert.Equal("97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=", credential.Sign("The quick brown fox jumps over the lazy dog"));
    }
}
