using System.Text;
using Kith.Features.Account.TwoFactor;

namespace Kith.Tests.Account.TwoFactor;

public sealed class TotpTests
{
    private static readonly byte[] RfcSeed = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Codes_match_the_RFC_6238_SHA1_test_vectors_truncated_to_six_digits(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(RfcSeed, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));

    [Theory]
    [InlineData(-2, false)]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void Only_the_current_step_and_one_either_side_match(int offset, bool accepted)
    {
        const long now = 57_000_000;
        var match = Totp.MatchingStep(RfcSeed, Totp.Code(RfcSeed, now + offset), now);
        Assert.Equal(accepted ? now + offset : null, match);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    public void Malformed_codes_match_nothing(string? code) => Assert.Null(Totp.MatchingStep(RfcSeed, code, 57_000_000));

    [Fact]
    public void Base32_round_trips_the_seed_the_page_shows()
    {
        var seed = System.Security.Cryptography.RandomNumberGenerator.GetBytes(Totp.SeedBytes);
        Assert.Equal(seed, Base32.Decode(Base32.Encode(seed)));
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.Encode(RfcSeed));
    }
}
