namespace Switchboard.Triggers;

/// <summary>How a filter compares the field with its value.</summary>
public enum FilterOp
{
    /// <summary>Equal (numbers compare as numbers, strings ordinally).</summary>
    Eq,

    /// <summary>Not equal, or the field is missing.</summary>
    Ne,

    /// <summary>Equal to one of the values of an array.</summary>
    In,

    /// <summary>A string containing the value, or an array holding an element equal to it.</summary>
    Contains,

    /// <summary>A string starting with the value.</summary>
    StartsWith,

    /// <summary>Greater than (numbers, or strings ordinally).</summary>
    Gt,

    /// <summary>Greater than or equal.</summary>
    Ge,

    /// <summary>Less than.</summary>
    Lt,

    /// <summary>Less than or equal.</summary>
    Le,

    /// <summary>The field is present and not null (value true or absent), or absent (value false).</summary>
    Exists,
}
