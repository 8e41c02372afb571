using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ReadinessSurvey.Tests.Web.Email;

/// <summary>
/// A local stand-in for GOV.UK Notify's HTTP API (POST /v2/notifications/email) on loopback: records each
/// request, answers 201 as Notify does, or 400 with Notify's error body for addresses containing "refuse".
/// </summary>
public sealed class NotifyStandIn : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public NotifyStandIn()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Each request: path, Authorization header and JSON body.</summary>
    public ConcurrentQueue<(string Path, string? Authorization, JsonElement Body)> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
            Requests.Enqueue((context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body));
            var refused = body.GetProperty("email_address").GetString()!.Contains("refuse", StringComparison.Ordinal);
            var answer = refused
                ? """{"status_code": 400, "errors": [{"error": "BadRequestError", "message": "Can't send to this recipient using a team-only API key"}]}"""
                : $$$"""{"id": "{{{Guid.NewGuid()}}}", "reference": null, "content": {"body": "x", "subject": "x", "from_email": "ai@notifications.service.gov.uk"}, "uri": "{{{BaseUrl}}}/v2/notifications/1", "template": {"id": "{{{body.GetProperty("template_id").GetString()}}}", "version": 1, "uri": "{{{BaseUrl}}}/t"}}""";
            context.Response.StatusCode = refused ? 400 : 201;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(answer);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private bool _disposed;

    public void Dispose()
    {
        // The factory's Dispose and DisposeAsync both dispose their parts.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
