using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Tests.Rpc;

/// <summary>
/// A minimal real validator for the test messages: required properties (Occurrence), integer "interval"
/// (Type), "status" from a fixed set (Property), and no unknown actions.
/// </summary>
public sealed class TestValidator : IOcppSchemaValidator
{
    private static readonly Dictionary<(string, PayloadKind), string[]> Required = new()
    {
        [("BootNotification", PayloadKind.Request)] = ["model", "vendorName"],
        [("BootNotification", PayloadKind.Response)] = ["status", "interval"],
        [("Heartbeat", PayloadKind.Request)] = [],
        [("Heartbeat", PayloadKind.Response)] = ["currentTime"],
        [("Reset", PayloadKind.Request)] = ["type"],
        [("Reset", PayloadKind.Response)] = ["status"],
        [("DataTransfer", PayloadKind.Request)] = ["vendorId"],
        [("DataTransfer", PayloadKind.Response)] = ["status"],
        [("NotifyPeriodicEventStream", PayloadKind.Request)] = ["id", "pending"],
    };

    private static readonly string[] Statuses = ["Accepted", "Rejected", "Pending"];

    public IReadOnlyList<SchemaViolation> Validate(OcppVersion version, string action, PayloadKind kind, string payloadJson)
    {
        if (!Required.TryGetValue((action, kind), out var required))
        {
            return [new SchemaViolation("$", SchemaViolationKind.UnknownAction, $"no schema for {action}")];
        }

        using var document = JsonDocument.Parse(payloadJson);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return [new SchemaViolation("$", SchemaViolationKind.Syntax, "must be an object")];
        }

        var violations = new List<SchemaViolation>();
        violations.AddRange(required.Where(p => !root.TryGetProperty(p, out _)).Select(p => new SchemaViolation($"$.{p}", SchemaViolationKind.Occurrence, "required property missing")));
        if (root.TryGetProperty("interval", out var interval) && interval.ValueKind != JsonValueKind.Number)
        {
            violations.Add(new SchemaViolation("$.interval", SchemaViolationKind.Type, "must be an integer"));
        }

        if (root.TryGetProperty("status", out var status) && !Statuses.Contains(status.GetString()))
        {
            violations.Add(new SchemaViolation("$.status", SchemaViolationKind.Property, "must be Accepted, Rejected or Pending"));
        }

        return violations;
    }
}
