using Kith.Features.Account.Passwords;

namespace Kith.Tests.Account;

public sealed class PasswordPolicyTests
{
    private static readonly CommonPasswords Common = new();
    private readonly PasswordPolicyValidator policy = new(Common);

    [Fact]
    public void The_bundled_common_password_list_is_large_and_offline() => Assert.True(Common.Count >= 3000, $"only {Common.Count} entries");

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("plum umbrella gravel seventeen")]
    [InlineData("Ünïcödé passphrase with 🦊 fox")]
    public void Long_passphrases_without_composition_rules_are_accepted(string password) =>
        Assert.True(policy.Validate(password, PasswordPolicyValidator.ContextWords("someone@example.org", "Some One")).Succeeded);

    [Theory]
    [InlineData("password1234", "PasswordCommon")]
    [InlineData("Password1234", "PasswordCommon")]
    [InlineData("qwertyuiop123", "PasswordCommon")]
    [InlineData("Aa1!aa", "PasswordTooShort")]
    [InlineData("abcabcabcabcabc", "PasswordWeak")]
    [InlineData("jordan.lee2024!!", "PasswordContext")]
    [InlineData("welcome to kith 2024", "PasswordContext")]
    public void Short_common_guessable_or_personal_passwords_are_refused(string password, string code)
    {
        var result = policy.Validate(password, PasswordPolicyValidator.ContextWords("jordan.lee@example.org", "Jordan Lee"));
        Assert.False(result.Succeeded);
        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void A_password_longer_than_the_maximum_is_refused() =>
        Assert.Equal("PasswordTooLong", Assert.Single(policy.Validate(new string('x', 257), []).Errors).Code);

    [Fact]
    public void Context_words_come_from_the_email_and_the_name_but_not_short_fragments()
    {
        var words = PasswordPolicyValidator.ContextWords("jordan.lee+crm@example.org", "Jo Van Dyke");
        Assert.Contains("kith", words);
        Assert.Contains("jordan", words);
        Assert.Contains("van", words);
        Assert.Contains("dyke", words);
        Assert.DoesNotContain("jo", words);
        Assert.DoesNotContain("lee+crm", words);
    }
}
