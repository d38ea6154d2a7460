using System.Globalization;
using System.Text.Json;

namespace Switchboard.Triggers;

/// <summary>
/// A JSON value read the ways filters compare it — as an element, as text and as a number — each
/// worked out once, whether it is a field of the event or a filter's own value.
/// </summary>
public sealed class FieldValue
{
    private string? text;
    private bool textRead;
    private decimal? number;
    private bool numberRead;

    /// <summary>Wraps an element; <paramref name="found"/> false stands for a missing field.</summary>
    public FieldValue(JsonElement element, bool found = true)
    {
        Element = element;
        Found = found && element.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    /// <summary>A missing field.</summary>
    public static FieldValue Missing { get; } = new(default, found: false);

    /// <summary>True when the field is present and not null.</summary>
    public bool Found { get; }

    /// <summary>The element.</summary>
    public JsonElement Element { get; }

    /// <summary>JSON kind of the value.</summary>
    public JsonValueKind Kind => Element.ValueKind;

    /// <summary>Strings as they are, numbers as written, booleans as true/false; null for other kinds.</summary>
    public string? Text
    {
        get
        {
            if (!textRead)
            {
                text = Element.ValueKind switch
                {
                    JsonValueKind.String => Element.GetString(),
                    JsonValueKind.Number => Element.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                };
                textRead = true;
            }

            return text;
        }
    }

    /// <summary>The value as a number: a JSON number, or a string that reads as one; null otherwise.</summary>
    public decimal? Number
    {
        get
        {
            if (!numberRead)
            {
                number = Element.ValueKind switch
                {
                    JsonValueKind.Number when Element.TryGetDecimal(out var d) => d,
                    JsonValueKind.Number => (decimal)Math.Clamp(Element.GetDouble(), (double)decimal.MinValue, (double)decimal.MaxValue),
                    JsonValueKind.String when decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                    _ => null,
                };
                numberRead = true;
            }

            return number;
        }
    }
}
