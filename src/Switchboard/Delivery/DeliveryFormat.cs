namespace Switchboard.Delivery;

/// <summary>How a request body is encoded (a trigger's <c>action.format</c>).</summary>
public enum DeliveryFormat
{
    /// <summary><c>application/json</c>.</summary>
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c>, nested keys flattened as <c>a[b]</c>.</summary>
    Form,

    /// <summary><c>application/xml</c>.</summary>
    Xml,

    /// <summary><c>text/plain</c>, rendered from a body template (csv, yaml, anything textual).</summary>
    Text,
}
