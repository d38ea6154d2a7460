using System.Text;

namespace Switchboard.Crm.Calls;

/// <summary>
/// A request-parameter function of "CRM personalizzato" ("Funzioni dei parametri URL di richiesta"): the whole
/// parameter value is <c>=NAME(argument, argument, …)</c>. Arguments are text with variables, separated by commas
/// outside parentheses and quotes; an argument may be quoted ("…" or '…') to hold commas or leading spaces. An argument
/// is present when every variable it names has a value and it is not blank. The result is a string, or nothing — and a
/// parameter whose function yields nothing is dropped from the request.
/// <list type="table">
/// <item><term><c>=DEFAULT_VALUE(a, b)</c></term><description>a when present, else b when present, else nothing.</description></item>
/// <item><term><c>=CONCAT_OR(a, b, …)</c></term><description>the present arguments joined with " or "; nothing when none is.</description></item>
/// <item><term><c>=CONCAT_AND(a, b, …)</c></term><description>the present arguments joined with " and "; nothing when none is.</description></item>
/// </list>
/// </summary>
public sealed record CrmFunction
{
    /// <summary>The default-value function.</summary>
    public const string DefaultValue = "DEFAULT_VALUE";

    /// <summary>Concatenation with "or".</summary>
    public const string ConcatOr = "CONCAT_OR";

    /// <summary>Concatenation with "and".</summary>
    public const string ConcatAnd = "CONCAT_AND";

    private CrmFunction(string name, IReadOnlyList<string> arguments)
    {
        Name = name;
        Arguments = arguments;
    }

    /// <summary>The function's name in upper case.</summary>
    public string Name { get; }

    /// <summary>The arguments, trimmed and unquoted, in order.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>True when <paramref name="value"/> is meant as a function: it starts with '='.</summary>
    public static bool IsFunction(string? value) => value is not null && value.TrimStart().StartsWith('=');

    /// <summary>The function <paramref name="value"/> holds, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static CrmFunction? Parse(string value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        error = null;
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (!text.StartsWith('=') || open < 0 || !text.EndsWith(')'))
        {
            error = "a function is written =NAME(argument, …)";
            return null;
        }

        var name = text[1..open].Trim().ToUpperInvariant();
        if (name is not (DefaultValue or ConcatOr or ConcatAnd))
        {
            error = $"'{text[1..open].Trim()}' is not a function: use DEFAULT_VALUE, CONCAT_OR or CONCAT_AND";
            return null;
        }

        var arguments = Split(text[(open + 1)..^1], out error);
        if (arguments is null)
        {
            return null;
        }

        if (arguments.FindIndex(a => a.Length == 0) is var empty and >= 0)
        {
            error = $"argument {empty + 1} of {name} is empty";
            return null;
        }

        if (name == DefaultValue && arguments.Count != 2)
        {
            error = $"DEFAULT_VALUE takes 2 arguments, not {arguments.Count}";
            return null;
        }

        return new CrmFunction(name, arguments);
    }

    /// <summary>The function's result for <paramref name="values"/>, or null when it yields nothing.</summary>
    public string? Evaluate(CrmValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = Arguments.Where(a => CrmTemplate.IsPresent(a, values)).Select(a => CrmTemplate.Render(a, values)).ToList();
        return Name switch
        {
            DefaultValue => present.FirstOrDefault(),
            _ when present.Count == 0 => null,
            ConcatOr => string.Join(" or ", present),
            _ => string.Join(" and ", present),
        };
    }

    /// <summary>The arguments between the parentheses, or null when parentheses or quotes do not balance.</summary>
    private static List<string>? Split(string inner, out string? error)
    {
        error = null;
        var arguments = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        char? quote = null;
        foreach (var c in inner)
        {
            if (quote is { } open)
            {
                current.Append(c);
                if (c == open)
                {
                    quote = null;
                }

                continue;
            }

            // A quote opens only at the start of an argument, so an apostrophe inside text (O'Brien) stays text.
            if (c is '"' or '\'' && string.IsNullOrWhiteSpace(current.ToString()))
            {
                current.Clear().Append(c);
                quote = c;
                continue;
            }

            switch (c)
            {
                case '(':
                    depth++;
                    break;
                case ')' when --depth < 0:
                    error = "a ')' closes nothing";
                    return null;
                case ',' when depth == 0:
                    arguments.Add(Unquote(current.ToString()));
                    current.Clear();
                    continue;
            }

            current.Append(c);
        }

        if (quote is not null || depth != 0)
        {
            error = quote is not null ? "a quote is not closed" : "a '(' is not closed";
            return null;
        }

        arguments.Add(Unquote(current.ToString()));
        return arguments;
    }

    private static string Unquote(string argument)
    {
        var trimmed = argument.Trim();
        return trimmed.Length >= 2 && trimmed[0] is '"' or '\'' && trimmed[^1] == trimmed[0] ? trimmed[1..^1] : trimmed;
    }
}
