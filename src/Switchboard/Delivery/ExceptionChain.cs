using System.Net.Sockets;

namespace Switchboard.Delivery;

/// <summary>
/// Reads what an outbound request's exception wraps: <see cref="HttpClient"/> reports the guard's refusal and socket
/// errors as inner exceptions of an <see cref="HttpRequestException"/>, at no fixed depth.
/// </summary>
internal static class ExceptionChain
{
    /// <summary>The first exception of type <typeparamref name="T"/> in the chain from <paramref name="exception"/> through its inner exceptions; null when none is.</summary>
    public static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>A failed request for people: the request error, with the socket error when the chain holds one.</summary>
    public static string Describe(HttpRequestException exception) =>
        Find<SocketException>(exception) is { } socket
            ? $"{exception.HttpRequestError}: {socket.SocketErrorCode} ({exception.Message})"
            : $"{exception.HttpRequestError}: {exception.Message}";
}
