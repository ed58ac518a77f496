using System.Net;
using System.Net.Sockets;

namespace WhatsAppCampaigns.LocalRunner.Hosting;

/// <summary>A loopback port the OS says is free right now.</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
