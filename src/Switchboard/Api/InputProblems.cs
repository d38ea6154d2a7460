using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Storage;

namespace Switchboard.Api;

/// <summary>
/// Collects what is wrong with a request's route values and query parameters, by name, with the rules of
/// <see cref="KeyText"/>. Handlers of both hosts run it first, before any storage call. A query parameter given at all
/// must carry a value: an empty one, or one with control characters, is refused rather than read as absent.
/// </summary>
public sealed class InputProblems
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page a list answers with: what one table query returns.</summary>
    public const int MaxPageSize = TablePaging.MaxPageSize;

    private readonly Dictionary<string, string[]> problems = new(StringComparer.Ordinal);

    /// <summary>The 400 naming every problem found, or null when there is none.</summary>
    public ValidationProblem? Problem => problems.Count == 0 ? null : TypedResults.ValidationProblem(problems);

    /// <summary>A <c>?tenant=</c>: absent (the default tenant), or an id.</summary>
    public InputProblems Tenant(string? tenant) => tenant is null ? this : Id("tenant", tenant);

    /// <summary>A required id (a route value): <see cref="KeyText.IsId"/>.</summary>
    public InputProblems Id(string field, string? value) => Check(field, KeyText.IsId(value), KeyText.IdRule);

    /// <summary>An id in the query: absent, or <see cref="KeyText.IsId"/>.</summary>
    public InputProblems OptionalId(string field, string? value) => value is null ? this : Id(field, value);

    /// <summary>A required name (a route value): <see cref="KeyText.IsName"/>.</summary>
    public InputProblems Name(string field, string? value, int maxLength = KeyText.MaxNameLength) =>
        Check(field, KeyText.IsName(value, maxLength), KeyText.NameRule(maxLength));

    /// <summary>Free text in the query (a key, a token, a folder): absent, or <see cref="KeyText.IsName"/>.</summary>
    public InputProblems OptionalText(string field, string? value, int maxLength = KeyText.MaxNameLength) =>
        value is null ? this : Name(field, value, maxLength);

    /// <summary><c>?continuation=</c>: absent, or a token of up to 4096 characters (whether a list issued it is for the store to say).</summary>
    public InputProblems Continuation(string? token) => OptionalText("continuation", token, 4096);

    /// <summary><c>?pageSize=</c>: absent (<see cref="DefaultPageSize"/>), or a whole number from 1 to <see cref="MaxPageSize"/>.</summary>
    public InputProblems PageSize(string? text, out int pageSize)
    {
        pageSize = DefaultPageSize;
        if (text is null)
        {
            return this;
        }

        var valid = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= MaxPageSize;
        pageSize = valid ? number : DefaultPageSize;
        return Check("pageSize", valid, $"must be a whole number from 1 to {MaxPageSize}");
    }

    /// <summary>Adds <paramref name="message"/> for <paramref name="field"/> unless <paramref name="valid"/>.</summary>
    public InputProblems Check(string field, bool valid, string message)
    {
        if (!valid)
        {
            problems[field] = problems.TryGetValue(field, out var earlier) ? [.. earlier, message] : [message];
        }

        return this;
    }
}
