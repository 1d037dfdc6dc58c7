using System.Text.Json.Serialization;

namespace DerSim.Ocpp.Tests.Rpc;

// A tiny stand-in for a generated OCPP version: four request/response pairs and one SEND message.
public sealed record BootNotificationRequest(string Model, string VendorName);

public sealed record BootNotificationResponse(string Status, int Interval);

public sealed record HeartbeatRequest;

public sealed record HeartbeatResponse(string CurrentTime);

public sealed record ResetRequest(string Type);

public sealed record ResetResponse(string Status);

public sealed record DataTransferRequest(string VendorId, string? Data = null);

public sealed record DataTransferResponse(string Status);

public sealed record NotifyPeriodicEventStreamRequest(int Id, int Pending);

/// <summary>The response type of a SEND-only action, which never travels.</summary>
public sealed record NoResponse;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BootNotificationRequest))]
[JsonSerializable(typeof(BootNotificationResponse))]
[JsonSerializable(typeof(HeartbeatRequest))]
[JsonSerializable(typeof(HeartbeatResponse))]
[JsonSerializable(typeof(ResetRequest))]
[JsonSerializable(typeof(ResetResponse))]
[JsonSerializable(typeof(DataTransferRequest))]
[JsonSerializable(typeof(DataTransferResponse))]
[JsonSerializable(typeof(NotifyPeriodicEventStreamRequest))]
[JsonSerializable(typeof(NoResponse))]
internal sealed partial class TestMessagesContext : JsonSerializerContext;
