using System.Globalization;
using System.Text.Json.Nodes;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Sim.Physics;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Sim.Adapters;

/// <summary>
/// A <see cref="MeterSample"/> as an OCPP meterValue, in the generated types: 1.6 writes values as text and the unit as
/// <c>unit</c>, 2.x writes numbers and <c>unitOfMeasure.unit</c> (2.0.1 and 2.1 share 2.1's CLR types). Values are
/// rounded to what a real meter shows.
/// </summary>
internal static class MeterPayloads
{
    public static V16.MeterValue V16MeterValue(MeterSample sample, string context)
    {
        var table = OcppActionTables.For(OcppVersion.V16);
        return new V16.MeterValue(
            sample.Timestamp,
            [
                .. sample.Readings.Select(reading => new V16.SampledValue(Rounded(reading).ToString(CultureInfo.InvariantCulture))
                {
                    Context = OcppJson.ParseName<V16.Context>(context, table),
                    Measurand = OcppJson.ParseName<V16.Measurand>(reading.Measurand, table),
                    Phase = reading.Phase is { } phase ? OcppJson.ParseName<V16.Phase>(phase, table) : null,
                    Location = reading.Measurand == "SoC" ? V16.Location.EV : V16.Location.Outlet,
                    Unit = OcppJson.ParseName<V16.Unit>(reading.Unit, table),
                }),
            ]);
    }

    /// <summary>The same sample as 1.6 StopTransaction's transactionData (its schema names the unit enum separately).</summary>
    public static V16.TransactionData V16TransactionData(MeterSample sample, string context)
    {
        var table = OcppActionTables.For(OcppVersion.V16);
        var value = V16MeterValue(sample, context);
        return new V16.TransactionData(
            value.Timestamp,
            [
                .. value.SampledValue.Zip(sample.Readings, (v, reading) => new V16.TransactionDataSampledValue(v.Value)
                {
                    Context = v.Context,
                    Measurand = v.Measurand,
                    Phase = v.Phase,
                    Location = v.Location,
                    Unit = OcppJson.ParseName<V16.TransactionDataSampledValueUnit>(reading.Unit, table),
                }),
            ]);
    }

    public static Ocpp2.MeterValueType Ocpp2MeterValue(MeterSample sample, string context, OcppVersion version) =>
        Ocpp2MeterValue(sample, context, version, null);

    /// <summary>
    /// As <see cref="Ocpp2MeterValue(MeterSample, string, OcppVersion)"/>; with <paramref name="signing"/> every sampled
    /// value carries a signedMeterValue made by the station's meter key over that value (format: <see cref="MeterSigner"/>).
    /// </summary>
    public static Ocpp2.MeterValueType Ocpp2MeterValue(MeterSample sample, string context, OcppVersion version, MeterSigning? signing)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var table = OcppActionTables.For(version);
        return new Ocpp2.MeterValueType(
            [
                .. sample.Readings.Select(reading => new Ocpp2.SampledValueType(Rounded(reading))
                {
                    SignedMeterValue = signing is { } s ? Signed(s, sample, reading, context) : null,
                    Context = OcppJson.ParseName<Ocpp2.ReadingContextEnumType>(context, table),
                    Measurand = OcppJson.ParseName<Ocpp2.MeasurandEnumType>(reading.Measurand, table),
                    Phase = reading.Phase is { } phase ? OcppJson.ParseName<Ocpp2.PhaseEnumType>(phase, table) : null,
                    Location = reading.Measurand == "SoC" ? Ocpp2.LocationEnumType.EV : Ocpp2.LocationEnumType.Outlet,
                    UnitOfMeasure = new Ocpp2.UnitOfMeasureType { Unit = reading.Unit },
                }),
            ],
            sample.Timestamp);
    }

    private static Ocpp2.SignedMeterValueType Signed(MeterSigning signing, MeterSample sample, MeterReading reading, string context)
    {
        var facts = new JsonObject
        {
            ["stationId"] = signing.StationId,
            ["evseId"] = sample.EvseId,
            ["timestamp"] = sample.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["measurand"] = reading.Measurand,
        };
        if (reading.Phase is { } phase)
        {
            facts["phase"] = phase;
        }

        facts["unit"] = reading.Unit;
        facts["value"] = Rounded(reading);
        facts["context"] = context;
        if (signing.TransactionId is { } id)
        {
            facts["transactionId"] = id;
        }

        return new Ocpp2.SignedMeterValueType(signing.Signer.Sign(facts), MeterSigner.EncodingMethod)
        {
            // Required in 2.0.1, optional in 2.1: sent in both, so a CSMS can check the signature from the message alone.
            SigningMethod = MeterSigner.SigningMethod,
            PublicKey = signing.Signer.PublicKey,
        };
    }

    /// <summary>Whole Wh, W and V; A and percent to a tenth.</summary>
    public static decimal Rounded(MeterReading reading) =>
        Math.Round((decimal)reading.Value, reading.Unit is "A" or "Percent" ? 1 : 0, MidpointRounding.AwayFromZero);

    /// <summary>The energy register of <paramref name="sample"/> in whole Wh, as 1.6 meterStart/meterStop.</summary>
    public static int RegisterWh(MeterSample sample) =>
        sample.Of("Energy.Active.Import.Register").Select(r => (int)Rounded(r)).FirstOrDefault();
}
