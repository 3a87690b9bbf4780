using System.Net;
using System.Net.Sockets;

namespace TalksBot.Testing.Qdrant;

/// <summary>Free TCP ports on 127.0.0.1, for servers a test starts (tests run in parallel, so never a fixed port).</summary>
public static class LoopbackPorts
{
    /// <summary>Returns <paramref name="count"/> distinct ports that were free a moment ago.</summary>
    public static IReadOnlyList<int> Free(int count)
    {
        // All listeners stay open until every port is read, so the ports returned are distinct.
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
                listener.Dispose();
            }
        }
    }
}
