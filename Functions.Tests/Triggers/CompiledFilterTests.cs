using System.Text.Json;
using Switchboard.Triggers;

namespace Switchboard.Tests.Triggers;

public sealed class CompiledFilterTests
{
    private static readonly JsonElement Event = JsonDocument.Parse("""
        {
          "type": "End_Call", "source": "cdr",
          "data": {
            "cdr": { "dir": 2, "dirText": "2", "duration": 61.5, "cliNum": "+442071234567", "lost": 0, "tags": ["vip", "uk"], "note": null },
            "agents": [ { "id": "7", "name": "Kim" }, { "id": "9", "name": "Lee" } ],
            "matrix": [[1, 2], [3, 4]],
            "when": "2024-05-29T09:37:45Z",
            "flag": true
          }
        }
        """).RootElement;

    private static bool Matches(string field, string op, string? value = null) =>
        new CompiledFilter(new TriggerFilter(field, op, value is null ? null : JsonDocument.Parse(value).RootElement)).Matches(Event);

    [Theory]
    [InlineData("data.cdr.dir", "eq", "2", true)]
    [InlineData("data.cdr.dir", "eq", "2.0", true)]
    [InlineData("data.cdr.dir", "eq", "\"2\"", true)]
    [InlineData("data.cdr.dirText", "eq", "2", true)]
    [InlineData("data.cdr.dirText", "eq", "\"2.0\"", false)]
    [InlineData("data.cdr.dir", "eq", "3", false)]
    [InlineData("type", "eq", "\"End_Call\"", true)]
    [InlineData("type", "eq", "\"end_call\"", false)]
    [InlineData("data.flag", "eq", "true", true)]
    [InlineData("data.flag", "eq", "\"true\"", true)]
    [InlineData("data.missing", "eq", "null", false)]
    public void Eq_compares_numbers_as_numbers_and_strings_exactly(string field, string op, string value, bool expected) =>
        Assert.Equal(expected, Matches(field, op, value));

    [Theory]
    [InlineData("data.cdr.dir", "3", true)]
    [InlineData("data.cdr.dir", "2", false)]
    [InlineData("data.missing", "1", true)]
    public void Ne_holds_for_other_values_and_missing_fields(string field, string value, bool expected) =>
        Assert.Equal(expected, Matches(field, "ne", value));

    [Theory]
    [InlineData("data.cdr.dir", "[1, 2]", true)]
    [InlineData("data.cdr.dir", "[\"2\", 5]", true)]
    [InlineData("data.cdr.dir", "[3, 4]", false)]
    [InlineData("type", "[\"New_Call\", \"End_Call\"]", true)]
    public void In_matches_any_value_of_the_array(string field, string value, bool expected) =>
        Assert.Equal(expected, Matches(field, "in", value));

    [Theory]
    [InlineData("data.cdr.cliNum", "\"2071\"", true)]
    [InlineData("data.cdr.cliNum", "\"999\"", false)]
    [InlineData("data.cdr.tags", "\"vip\"", true)]
    [InlineData("data.cdr.tags", "\"vi\"", false)]
    [InlineData("data.matrix[0]", "2", true)]
    public void Contains_looks_inside_strings_and_arrays(string field, string value, bool expected) =>
        Assert.Equal(expected, Matches(field, "contains", value));

    [Theory]
    [InlineData("data.cdr.cliNum", "\"+44\"", true)]
    [InlineData("data.cdr.cliNum", "\"+1\"", false)]
    [InlineData("data.cdr.dir", "\"2\"", true)]
    public void StartsWith_compares_text_prefixes(string field, string value, bool expected) =>
        Assert.Equal(expected, Matches(field, "startsWith", value));

    [Theory]
    [InlineData("gt", "60", true)]
    [InlineData("gt", "61.5", false)]
    [InlineData("ge", "61.5", true)]
    [InlineData("lt", "100", true)]
    [InlineData("lt", "61.5", false)]
    [InlineData("le", "61.5", true)]
    [InlineData("gt", "\"60\"", true)]
    [InlineData("lt", "\"abc\"", false)]
    public void Ordering_ops_compare_numbers_numerically(string op, string value, bool expected) =>
        Assert.Equal(expected, Matches("data.cdr.duration", op, value));

    [Fact]
    public void Ordering_ops_compare_strings_ordinally_so_iso_dates_order()
    {
        Assert.True(Matches("data.when", "gt", "\"2024-05-29T00:00:00Z\""));
        Assert.False(Matches("data.when", "lt", "\"2024-01-01\""));
        Assert.False(Matches("data.flag", "gt", "1"));
    }

    [Theory]
    [InlineData("data.cdr.dir", null, true)]
    [InlineData("data.cdr.dir", "true", true)]
    [InlineData("data.cdr.dir", "false", false)]
    [InlineData("data.cdr.note", null, false)]
    [InlineData("data.cdr.note", "false", true)]
    [InlineData("data.nothing", "false", true)]
    [InlineData("data.agents[5]", null, false)]
    public void Exists_checks_presence_and_non_null(string field, string? value, bool expected) =>
        Assert.Equal(expected, Matches(field, "exists", value));

    [Theory]
    [InlineData("data.agents[1].name", "\"Lee\"", true)]
    [InlineData("data.agents[0].id", "7", true)]
    [InlineData("data.matrix[1][0]", "3", true)]
    [InlineData("data.agents.name", "\"Kim\"", false)]
    [InlineData("data.cdr[0]", "2", false)]
    public void Paths_walk_objects_and_array_indexes(string field, string value, bool expected) =>
        Assert.Equal(expected, Matches(field, "eq", value));

    [Theory]
    [InlineData("")]
    [InlineData("data..x")]
    [InlineData("data.items[x]")]
    [InlineData("data.items[0")]
    [InlineData("data.items[-1]")]
    public void Malformed_paths_are_refused(string path) => Assert.Null(FieldPath.TryParse(path, out _));
}
