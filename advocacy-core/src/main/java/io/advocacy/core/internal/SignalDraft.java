package io.advocacy.core.internal;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import io.advocacy.core.SubjectId;
import io.advocacy.core.adapter.RecordRef;
import io.advocacy.core.adapter.Rejection;
import io.advocacy.core.adapter.RejectionReason;
import io.advocacy.core.adapter.TimestampFormat;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One record on its way to becoming a {@link Signal}, shared by the built-in adapters so they
 * reject bad data the same way. Each setter checks its field; the first problem found becomes
 * the record's {@link Rejection} and later setters do nothing. {@link #build()} checks that
 * the required fields were set and that the value follows the type's rule.
 *
 * <p>Not thread-safe; one draft per record (or reset between records).
 */
public final class SignalDraft {
  private final String source;
  private RecordRef ref;
  private @Nullable Rejection rejection;
  private @Nullable SignalId id;
  private @Nullable SubjectId subject;
  private @Nullable SignalType type;
  private @Nullable Instant occurredAt;
  private double value = 1;
  private String valueField = "";
  private @Nullable Money amount;
  private final Map<String, String> attributes = new TreeMap<>();
  private String idField = "id";
  private String subjectField = "subject";
  private String instantField = "timestamp";

  /**
   * A draft for a record.
   *
   * @param source the adapter's name, used as the signal's source
   * @param ref where the record stands
   */
  public SignalDraft(String source, RecordRef ref) {
    this.source = source;
    this.ref = ref;
  }

  /**
   * Clears the draft for the next record.
   *
   * @param next where the next record stands
   * @return this draft
   */
  public SignalDraft reset(RecordRef next) {
    ref = next;
    rejection = null;
    id = null;
    subject = null;
    type = null;
    occurredAt = null;
    value = 1;
    valueField = "";
    amount = null;
    attributes.clear();
    return this;
  }

  /**
   * Where the record stands.
   *
   * @return the record reference
   */
  public RecordRef ref() {
    return ref;
  }

  /**
   * Whether no problem has been found so far.
   *
   * @return true while the record is acceptable
   */
  public boolean ok() {
    return rejection == null;
  }

  /**
   * The rejection, once a problem was found.
   *
   * @return the first problem, or null
   */
  public @Nullable Rejection rejection() {
    return rejection;
  }

  /**
   * Records a problem unless one was already found.
   *
   * @param field the field at fault, or empty
   * @param reason the reason
   * @param message what was wrong
   */
  public void reject(String field, RejectionReason reason, String message) {
    if (rejection == null) {
      rejection = new Rejection(ref, field, reason, message);
    }
  }

  /**
   * Sets the idempotency id.
   *
   * @param field where it came from
   * @param text the id text, or null when absent
   */
  public void id(String field, @Nullable String text) {
    idField = field;
    if (ok() && checkIdentifier(field, text, "id")) {
      id = SignalId.of(text);
    }
  }

  /**
   * Sets the subject, preferring a customer id over an anonymous id.
   *
   * @param customerField where the customer id came from
   * @param customer the customer id text, or null
   * @param anonymousField where the anonymous id came from
   * @param anonymous the anonymous id text, or null
   */
  public void subject(
      String customerField,
      @Nullable String customer,
      String anonymousField,
      @Nullable String anonymous) {
    if (!ok()) {
      return;
    }
    if (customer != null && !customer.isEmpty()) {
      subjectField = customerField;
      if (checkIdentifier(customerField, customer, "customer id")) {
        subject = CustomerId.of(customer);
      }
    } else if (anonymous != null && !anonymous.isEmpty()) {
      subjectField = anonymousField;
      if (checkIdentifier(anonymousField, anonymous, "anonymous id")) {
        subject = AnonymousId.of(anonymous);
      }
    } else {
      subjectField = customerField;
      String where =
          anonymousField.isEmpty() ? customerField : customerField + " or " + anonymousField;
      reject(customerField, RejectionReason.MISSING_FIELD, "no subject: " + where + " is missing");
    }
  }

  private boolean checkIdentifier(String field, @Nullable String text, String what) {
    if (text == null) {
      reject(field, RejectionReason.MISSING_FIELD, what + " is missing");
      return false;
    }
    String problem = Require.identifierProblem(text);
    if (problem != null) {
      reject(field, RejectionReason.INVALID_IDENTIFIER, what + " " + Require.quote(text) + " " + problem);
      return false;
    }
    return true;
  }

  /**
   * Sets the signal type.
   *
   * @param type the type
   */
  public void type(SignalType type) {
    this.type = type;
  }

  /**
   * The type set so far.
   *
   * @return the type, or null
   */
  public @Nullable SignalType type() {
    return type;
  }

  /**
   * Sets the instant from text.
   *
   * @param field where it came from
   * @param text the text, or null when absent
   * @param format how to read it
   */
  public void occurredAt(String field, @Nullable String text, TimestampFormat format) {
    instantField = field;
    if (!ok()) {
      return;
    }
    if (text == null || text.isBlank()) {
      reject(field, RejectionReason.MISSING_FIELD, "timestamp is missing");
      return;
    }
    Instant at = format.parse(text);
    if (at == null) {
      reject(
          field,
          RejectionReason.INVALID_TIMESTAMP,
          "timestamp " + Require.quote(text) + " is not " + describe(format));
      return;
    }
    occurredAt = at;
  }

  /**
   * Sets the instant from a number (epoch formats).
   *
   * @param field where it came from
   * @param number the number
   * @param format how to read it
   */
  public void occurredAt(String field, double number, TimestampFormat format) {
    instantField = field;
    if (!ok()) {
      return;
    }
    if (!format.isNumeric()) {
      reject(field, RejectionReason.WRONG_TYPE, "timestamp is a number; expected " + describe(format));
      return;
    }
    Instant at = format.fromNumber(number);
    if (at == null) {
      reject(field, RejectionReason.INVALID_TIMESTAMP, "timestamp " + number + " is out of range");
      return;
    }
    occurredAt = at;
  }

  /**
   * Sets the instant directly.
   *
   * @param at the instant
   */
  public void occurredAt(Instant at) {
    occurredAt = at;
  }

  private static String describe(TimestampFormat format) {
    return switch (format.toString()) {
      case "iso" -> "an ISO-8601 date-time with offset";
      case "epoch_seconds" -> "epoch seconds";
      case "epoch_millis" -> "epoch milliseconds";
      default -> "in the format " + format;
    };
  }

  /**
   * Sets the numeric value; {@link #build()} checks it against the type's rule.
   *
   * @param field where it came from
   * @param value the value
   */
  public void value(String field, double value) {
    this.valueField = field;
    this.value = value;
  }

  /**
   * Sets the amount.
   *
   * @param amountField where the amount came from
   * @param amountValue the amount
   * @param currencyField where the currency came from
   * @param currencyCode the ISO 4217 code, or null when absent
   */
  public void amount(
      String amountField,
      BigDecimal amountValue,
      String currencyField,
      @Nullable String currencyCode) {
    if (!ok()) {
      return;
    }
    if (currencyCode == null || currencyCode.isBlank()) {
      reject(currencyField, RejectionReason.MISSING_FIELD, "currency is missing for amount "
          + amountValue.toPlainString());
      return;
    }
    Currency currency;
    try {
      currency = Currency.getInstance(currencyCode.trim());
    } catch (IllegalArgumentException e) {
      reject(
          currencyField,
          RejectionReason.INVALID_VALUE,
          "currency " + Require.quote(currencyCode) + " is not an ISO 4217 code");
      return;
    }
    String problem = Money.scaleProblem(amountValue, currency);
    if (problem != null) {
      reject(amountField, RejectionReason.INVALID_VALUE, problem);
      return;
    }
    amount = Money.of(amountValue, currency);
  }

  /**
   * Adds an attribute; an absent value adds nothing.
   *
   * @param name the attribute's machine name (validated by the adapter's configuration)
   * @param field where the value came from
   * @param text the value, or null when absent
   */
  public void attribute(String name, String field, @Nullable String text) {
    if (!ok() || text == null) {
      return;
    }
    String problem = Signal.attributeValueProblem(text);
    if (problem != null) {
      reject(field, RejectionReason.OUT_OF_RANGE, "attribute " + name + " " + problem);
      return;
    }
    attributes.put(name, text);
  }

  /**
   * Builds the signal, or records why not.
   *
   * @return the signal, or null when the record is rejected (see {@link #rejection()})
   */
  public @Nullable Signal build() {
    if (!ok()) {
      return null;
    }
    if (id == null) {
      reject(idField, RejectionReason.MISSING_FIELD, "id is missing");
    } else if (subject == null) {
      reject(subjectField, RejectionReason.MISSING_FIELD, "subject is missing");
    } else if (type == null) {
      reject("", RejectionReason.MISSING_FIELD, "signal type is missing");
    } else if (occurredAt == null) {
      reject(instantField, RejectionReason.MISSING_FIELD, "timestamp is missing");
    } else {
      String problem = type.valueRule().problem(value);
      if (problem != null) {
        reject(valueField, RejectionReason.OUT_OF_RANGE, type + " value " + problem);
      } else if (attributes.size() > Signal.MAX_ATTRIBUTES) {
        reject("", RejectionReason.OUT_OF_RANGE, "more than " + Signal.MAX_ATTRIBUTES + " attributes");
      }
    }
    if (!ok()) {
      return null;
    }
    return new Signal(id, subject, type, occurredAt, value, amount, attributes, source);
  }
}
