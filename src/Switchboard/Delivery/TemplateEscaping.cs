namespace Switchboard.Delivery;

/// <summary>How a <c>{{ }}</c> value is escaped for the place it lands in the request.</summary>
public enum TemplateEscaping
{
    /// <summary>Written as is (text bodies, query values encoded as a whole afterwards, header values that <see cref="WireText"/> makes safe).</summary>
    None,

    /// <summary>Percent-encoded as a URL component (the URL, form bodies).</summary>
    Url,

    /// <summary>Escaped as the inside of a JSON string.</summary>
    Json,

    /// <summary>Escaped as XML character data or an attribute value.</summary>
    Xml,
}
