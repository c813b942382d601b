using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Lnemis.Integrations.Outbound;

/// <summary>Resolves a host name to addresses (a seam so tests can play a DNS server that changes its answer).</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

internal sealed class DnsHostResolver : IHostResolver
{
    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>A request refused because its target is an internal address.</summary>
public sealed class OutboundBlockedException(string message) : IOException(message);

/// <summary>
/// The SSRF guard: outbound requests to URLs that others chose (webhooks) may reach only public
/// addresses, unless a network is allowed by configuration. The URL is checked when it is given,
/// and the address is checked again when the connection is made — the connection goes to the very
/// address that was checked, so a DNS answer that changes in between (rebinding) gains nothing.
/// </summary>
public sealed class OutboundGuard(IHostResolver resolver, IOptions<IntegrationsOptions> options)
{
    private readonly IPNetwork[] allowed = options.Value.Outbound.AllowedNetworks.Select(IPNetwork.Parse).ToArray();

    public bool IsAllowed(IPAddress address)
    {
        var normal = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return allowed.Any(n => n.Contains(normal)) || !IsInternal(normal);
    }

    /// <summary>
    /// Loopback, private, shared (CGNAT), link-local, multicast, reserved and documentation ranges;
    /// for IPv6 anything outside global unicast (2000::/3) and the documentation prefix.
    /// </summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => (b[1] & 0xC0) == 64,
                169 => b[1] == 254,
                172 => (b[1] & 0xF0) == 16,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2),
                198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100),
                203 => b[1] == 0 && b[2] == 113,
                >= 224 => true,
                _ => false,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var globalUnicast = (b[0] & 0xE0) == 0x20;
            var documentation = b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8;
            return !globalUnicast || documentation;
        }

        return true;
    }

    /// <summary>Checks a URL given for a webhook; the reason it is refused, or null.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Give an absolute https:// URL.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !options.Value.Outbound.AllowHttp)
        {
            return "Only https:// URLs are accepted.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Credentials in the URL are not accepted; use the signing secret.";
        }

        IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return $"The host {uri.Host} could not be resolved.";
        }

        if (addresses.Length == 0)
        {
            return $"The host {uri.Host} could not be resolved.";
        }

        return addresses.FirstOrDefault(a => !IsAllowed(a)) is { } blocked
            ? $"The host {uri.Host} resolves to {blocked}, an internal address that webhooks may not reach."
            : null;
    }

    /// <summary>
    /// An HTTP handler whose every connection goes through the guard: the host is resolved here,
    /// internal addresses are dropped, and the socket connects to an address that passed. Redirects
    /// are not followed and no proxy is used (either would move the request past the check).
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = await resolver.ResolveAsync(host, ct);
            var permitted = addresses.Where(IsAllowed).ToArray();
            if (permitted.Length == 0)
            {
                throw new OutboundBlockedException($"Refused to connect to {host}: it resolves only to internal addresses ({string.Join(", ", addresses.Select(a => a.ToString()))}).");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(permitted, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

/// <summary>The HTTP clients of the module: one behind the SSRF guard for webhooks, one for the configured partners (gateway, register).</summary>
internal sealed class IntegrationsHttp : IDisposable
{
    public IntegrationsHttp(OutboundGuard guard, IOptions<IntegrationsOptions> options)
    {
        Webhooks = new HttpClient(guard.CreateHandler()) { Timeout = TimeSpan.FromSeconds(options.Value.Outbound.TimeoutSeconds) };
        Partners = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
    }

    public HttpClient Webhooks { get; }

    /// <summary>For operator-configured services; each call sets its own timeout.</summary>
    public HttpClient Partners { get; }

    public void Dispose()
    {
        Webhooks.Dispose();
        Partners.Dispose();
    }
}
