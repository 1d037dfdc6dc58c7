using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Json.Converters;

namespace DerSim.Ocpp.Tests.Json;

/// <summary>The hand-written decimal and date-time writers produce exactly what the general paths they replace produce.</summary>
[TestFixture]
public sealed class FastWritersTests
{
    [TestCase("0")]
    [TestCase("0.00")]
    [TestCase("-0.5")]
    [TestCase("12345.67")]
    [TestCase("15.90")]
    [TestCase("0.05")]
    [TestCase("0.57")]
    [TestCase("-0.000001")]
    [TestCase("11000")]
    [TestCase("1E-28")]
    [TestCase("18446744073709551615")]
    [TestCase("18446744073709551616")]
    [TestCase("79228162514264337593543950335")]
    [TestCase("-79228162514264337593543950335")]
    [TestCase("1.8446744073709551615")]
    public void Decimal_is_written_as_the_writer_writes_it(string text)
    {
        var value = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        Fast(value).ShouldBe(General(value));
    }

    [Test]
    public void Random_decimals_of_every_scale_match_the_general_writer()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 20_000; i++)
        {
            var lo = random.Next(int.MinValue, int.MaxValue);
            var mid = random.Next(4) == 0 ? 0 : random.Next(int.MinValue, int.MaxValue);
            var hi = random.Next(8) == 0 ? random.Next(int.MinValue, int.MaxValue) : 0;
            var value = new decimal(lo, mid, hi, random.Next(2) == 0, (byte)random.Next(29));
            Fast(value).ShouldBe(General(value), $"{value}");
        }
    }

    [Test]
    public void Utc_date_times_are_written_with_exactly_three_fractional_digits()
    {
        var random = new Random(7);
        var cases = new List<DateTimeOffset>
        {
            new(2026, 11, 25, 14, 30, 15, TimeSpan.Zero),
            new(1, 1, 1, 0, 0, 0, TimeSpan.Zero),
            DateTimeOffset.MaxValue,
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1),
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_000_000),
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_230_000),
        };
        for (var i = 0; i < 5_000; i++)
        {
            cases.Add(new DateTimeOffset(random.NextInt64(DateTimeOffset.MinValue.Ticks, DateTimeOffset.MaxValue.Ticks), TimeSpan.Zero));
        }

        foreach (var value in cases)
        {
            var expected = "\"" + value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "\"";
            Write(w => OcppObjectJson.WriteDateTimeOffset(w, value)).ShouldBe(expected);
        }
    }

    [Test]
    public void Offset_date_times_are_written_in_utc()
    {
        var value = new DateTimeOffset(2026, 11, 25, 14, 30, 15, TimeSpan.FromHours(1));
        Write(w => OcppObjectJson.WriteDateTimeOffset(w, value)).ShouldBe("\"2026-11-25T13:30:15.000Z\"");
    }

    [Test]
    public void A_decimal_after_a_property_name_and_in_an_array_gets_its_separators()
    {
        Write(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("a");
            OcppObjectJson.WriteDecimal(w, 1.5m);
            w.WritePropertyName("b");
            w.WriteStartArray();
            OcppObjectJson.WriteDecimal(w, 2m);
            OcppObjectJson.WriteDecimal(w, -0.25m);
            w.WriteEndArray();
            w.WriteEndObject();
        }).ShouldBe("""{"a":1.5,"b":[2,-0.25]}""");
    }

    private static string Fast(decimal value) => Write(w => OcppObjectJson.WriteDecimal(w, value));

    private static string General(decimal value) => Write(w => w.WriteNumberValue(value));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        // The encoder the OCPP serializer options use (OcppJson), which leaves '+' of an offset unescaped.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
