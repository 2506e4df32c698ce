using Kith.Features.Contacts;
using Kith.Features.Personalization;

namespace Kith.Tests.Contacts;

public sealed class SafeLinksTests
{
    [Theory]
    [InlineData(LinkScheme.Email, "ada@example.org", "mailto:ada@example.org")]
    [InlineData(LinkScheme.Phone, "+44 (0)20-7946.0018", "tel:+4402079460018")]
    [InlineData(LinkScheme.Web, "https://example.org/a?b=c", "https://example.org/a?b=c")]
    [InlineData(LinkScheme.Web, "example.org", "https://example.org/")]
    [InlineData(LinkScheme.Web, "http://example.org/", "https://example.org/")]
    public void Safe_values_become_links_of_their_own_scheme(LinkScheme scheme, string value, string expected)
    {
        Assert.Null(SafeLinks.Problem(scheme, value));
        Assert.Equal(expected, SafeLinks.Href(scheme, value));
    }

    [Theory]
    [InlineData(LinkScheme.Web, "javascript:alert(1)")]
    [InlineData(LinkScheme.Web, "JaVaScRiPt:alert(1)")]
    [InlineData(LinkScheme.Web, " javascript:alert(1)")]
    [InlineData(LinkScheme.Web, "data:text/html,<script>alert(1)</script>")]
    [InlineData(LinkScheme.Web, "vbscript:msgbox(1)")]
    [InlineData(LinkScheme.Web, "ftp://example.org/")]
    [InlineData(LinkScheme.Web, "https://exa\nmple.org/")]
    [InlineData(LinkScheme.Web, "https://user:pw@example.org/")]
    [InlineData(LinkScheme.Email, "javascript:alert(1)//@example.org")]
    [InlineData(LinkScheme.Email, "ada@example.org?body=x")]
    [InlineData(LinkScheme.Email, "not an email")]
    [InlineData(LinkScheme.Phone, "javascript:alert(1)")]
    [InlineData(LinkScheme.Phone, "call me")]
    [InlineData(LinkScheme.Phone, "+1 555\u0000 0100")]
    [InlineData(LinkScheme.None, "https://example.org/")]
    public void Unsafe_values_are_refused_and_never_linked(LinkScheme scheme, string value)
    {
        if (scheme != LinkScheme.None) Assert.NotNull(SafeLinks.Problem(scheme, value));
        Assert.Null(SafeLinks.Href(scheme, value));
    }

    [Fact]
    public void Over_long_values_are_refused()
    {
        Assert.NotNull(SafeLinks.Problem(LinkScheme.None, new string('a', ModuleLengths.ContactInformationValue + 1)));
    }
}
