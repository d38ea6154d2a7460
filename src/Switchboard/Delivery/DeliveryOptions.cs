namespace Switchboard.Delivery;

/// <summary>Configuration section <c>Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    /// <summary>
    /// Allows http URLs and deliveries to loopback, private, link-local and CGNAT addresses (default false; true in
    /// local development so receivers on 127.0.0.1 work). Never turn it on where triggers come from untrusted users.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
