package dev.schemac.processor.read;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A record's Javadoc -> table and column comments. The input is what {@code
 * Elements.getDocComment} returns: the comment without its {@code /**}, {@code *}/ and leading
 * asterisks, lines separated by {@code \n}.
 */
class DocCommentTest {

  @Test
  void parse_null_hasNoDescriptionAndNoParams() {
    DocComment doc = DocComment.parse(null);

    assertThat(doc.description()).isNull();
    assertThat(doc.params()).isEmpty();
  }

  @Test
  void parse_blank_hasNoDescriptionAndNoParams() {
    DocComment doc = DocComment.parse("  \n \n");

    assertThat(doc.description()).isNull();
    assertThat(doc.params()).isEmpty();
  }

  @Test
  void parse_multiLineDescription_isFoldedIntoOneLine() {
    DocComment doc = DocComment.parse(" Application users\n with   authentication\n\n data.\n");

    assertThat(doc.description()).isEqualTo("Application users with authentication data.");
  }

  @Test
  void parse_paramTags_becomeColumnCommentsByComponentName() {
    DocComment doc = DocComment.parse(
        " Users.\n @param email login and contact address\n @param bio free text,\n     at most 500 characters\n");

    assertThat(doc.description()).isEqualTo("Users.");
    assertThat(doc.params())
        .containsExactly("email", "login and contact address", "bio", "free text, at most 500 characters");
  }

  @Test
  void parse_htmlCharacterReferences_becomeTheCharacters_butNotInsideCode() {
    DocComment doc = DocComment.parse(" Price &lt; 100 &amp;&nbsp;tax &#8364; &#x2713; &mdash; {@code a &lt; b} &bogus;\n");
    assertThat(doc.description()).isEqualTo("Price < 100 & tax \u20ac \u2713 \u2014 a &lt; b &bogus;");
  }

  @Test
  void parse_inlineTags_areReducedToTheirText() {
    DocComment doc = DocComment.parse(
        " Orders of a {@link Customer}, see {@linkplain Invoice the invoice}.\n"
            + " @param total the {@code total_amount}, {@literal >=} 0\n");

    assertThat(doc.description()).isEqualTo("Orders of a Customer, see the invoice."); // a link shows its label
    assertThat(doc.params()).containsEntry("total", "the total_amount, >= 0");
  }

  @Test
  void parse_quotes_areKeptVerbatim() {
    DocComment doc = DocComment.parse(" It's the user's \"home\".\n @param name the owner's name\n");

    assertThat(doc.description()).isEqualTo("It's the user's \"home\".");
    assertThat(doc.params()).containsEntry("name", "the owner's name");
  }

  @Test
  void parse_htmlMarkup_isRemoved() {
    DocComment doc = DocComment.parse(" <p>First.</p>\n <ul><li>one</li><li>two</li></ul>\n");

    assertThat(doc.description()).isEqualTo("First. one two");
  }

  /** Angle brackets inside {@code ...} are code, not HTML: {@code Map<String, Integer>} stays. */
  @Test
  void parse_genericTypeInCodeTag_keepsAngleBrackets() {
    DocComment doc = DocComment.parse(" Settings as a {@code Map<String, Integer>}.\n"
        + " @param tags a {@code List<String>} of labels\n");

    assertThat(doc.description()).isEqualTo("Settings as a Map<String, Integer>.");
    assertThat(doc.params()).containsEntry("tags", "a List<String> of labels");
  }

  @Test
  void parse_otherBlockTags_endTheDescriptionAndAreNotComments() {
    DocComment doc = DocComment.parse(
        " Products.\n @see Catalog\n   more about the catalog\n @since 2.0\n @param sku the stock unit\n"
            + " @deprecated gone soon\n");

    assertThat(doc.description()).isEqualTo("Products.");
    assertThat(doc.params()).containsExactly("sku", "the stock unit");
  }

  @Test
  void parse_paramWithoutText_isLeftOut() {
    DocComment doc = DocComment.parse(" Tags.\n @param name\n @param slug   \n @param label shown to users\n");

    assertThat(doc.params()).containsExactly("label", "shown to users");
  }

  @Test
  void parse_onlyParams_hasNoDescription() {
    DocComment doc = DocComment.parse(" @param id the key\n");

    assertThat(doc.description()).isNull();
    assertThat(doc.params()).containsExactly("id", "the key");
  }

  @Test
  void parse_links_showWhatJavadocShows_theLabelOrTheSimpleReference() {
    DocComment doc = DocComment.parse(" See {@link Vet Vet's} visits, {@link com.example.Owner#pets(int)},"
        + " {@linkplain com.example.Owner owners} and {@link #name}.\n");

    assertThat(doc.description()).isEqualTo("See Vet's visits, Owner.pets, owners and name.");
  }
}
