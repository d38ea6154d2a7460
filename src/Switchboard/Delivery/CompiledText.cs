namespace Switchboard.Delivery;

/// <summary>A named value of a trigger (a header or query parameter): its literal text, or its compiled template.</summary>
/// <param name="Name">The header or parameter name.</param>
/// <param name="Text">The value when it holds no template.</param>
/// <param name="Template">The compiled template, or null when the value is literal.</param>
internal sealed record CompiledText(string Name, string Text, Func<object?, string>? Template)
{
    /// <summary>The value for one delivery.</summary>
    public string Render(object? context) => Template is null ? Text : Template(context);
}
