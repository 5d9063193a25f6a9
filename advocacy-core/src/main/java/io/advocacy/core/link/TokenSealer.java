package io.advocacy.core.link;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.link.TokenOpening.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.jspecify.annotations.Nullable;

/**
 * Seals {@link TokenPayload}s into link tokens and opens them again.
 *
 * <h2>Format</h2>
 *
 * A token is base64url without padding of: a format version byte (1), the key id's length
 * and its UTF-8 bytes, a random 12-byte IV, and the AES-GCM encryption (128-bit tag) of the
 * payload. The version and key id are authenticated as associated data, so neither can be
 * changed without {@link Status#TAMPERED}. The payload is encrypted: a token reveals nothing
 * about the customer, the programme or the motion, and cannot be forged without the key.
 *
 * <h2>Opening</h2>
 *
 * {@link #open} answers every string — null, empty, garbage, a token altered in any byte, a
 * token sealed under a dropped key — with a {@link TokenOpening}; it never throws. Only the
 * canonical encoding opens (a token whose text differs from the re-encoding of its bytes is
 * MALFORMED), so no two texts open as the same token.
 *
 * <p>Immutable and thread-safe (a cipher is made per call). IVs come from the injected {@link
 * SecureRandom}; with random 96-bit IVs a key should seal fewer than 2³² tokens — rotate well
 * before that.
 */
public final class TokenSealer {
  /** The format version this sealer writes. */
  public static final int FORMAT_VERSION = 1;
  /** The longest token text that is even looked at. */
  public static final int MAX_TOKEN_LENGTH = 2048;

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final TokenKeyRing ring;
  private final SecureRandom random;

  /**
   * A sealer.
   *
   * @param ring the keys
   * @param random the source of IVs
   */
  public TokenSealer(TokenKeyRing ring, SecureRandom random) {
    this.ring = Objects.requireNonNull(ring, "ring");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The key ring.
   *
   * @return the ring
   */
  public TokenKeyRing ring() {
    return ring;
  }

  /**
   * Seals a payload with the ring's sealing key.
   *
   * @param payload the payload
   * @return the token text, safe in a URL
   */
  public String seal(TokenPayload payload) {
    Objects.requireNonNull(payload, "payload");
    TokenKey key = ring.sealing();
    byte[] header = header(key.id());
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    byte[] sealed;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(header);
      sealed = cipher.doFinal(write(payload));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    }
    ByteBuffer out = ByteBuffer.allocate(header.length + IV_BYTES + sealed.length);
    out.put(header).put(iv).put(sealed);
    return ENCODER.encodeToString(out.array());
  }

  /**
   * Opens a token at an instant. Never throws.
   *
   * @param token the token text, possibly null or garbage
   * @param now the instant to judge expiry at
   * @return the opening
   */
  public TokenOpening open(@Nullable String token, Instant now) {
    Objects.requireNonNull(now, "now");
    if (token == null || token.isEmpty()) {
      return malformed("no token");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      return malformed("token longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    byte[] bytes;
    try {
      bytes = DECODER.decode(token);
    } catch (IllegalArgumentException e) {
      return malformed("token is not base64url");
    }
    if (!ENCODER.encodeToString(bytes).equals(token)) {
      return malformed("token is not in canonical base64url");
    }
    if (bytes.length < 2 || (bytes[0] & 0xff) != FORMAT_VERSION) {
      return malformed("unknown token format");
    }
    int idLength = bytes[1] & 0xff;
    int headerLength = 2 + idLength;
    if (idLength == 0 || idLength > TokenKey.MAX_ID_BYTES
        || bytes.length < headerLength + IV_BYTES + TAG_BITS / 8) {
      return malformed("token too short");
    }
    String keyId;
    try {
      keyId = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 2, idLength)).toString();
    } catch (CharacterCodingException e) {
      return malformed("token key id is not UTF-8");
    }
    TokenKey key = ring.opening(keyId).orElse(null);
    if (key == null) {
      return new TokenOpening(Status.UNKNOWN_KEY, null, keyId,
          "token sealed with key " + keyId + ", which is not on the ring");
    }
    byte[] plain;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key.secret(),
          new GCMParameterSpec(TAG_BITS, bytes, headerLength, IV_BYTES));
      cipher.updateAAD(bytes, 0, headerLength);
      plain = cipher.doFinal(bytes, headerLength + IV_BYTES,
          bytes.length - headerLength - IV_BYTES);
    } catch (AEADBadTagException e) {
      return new TokenOpening(Status.TAMPERED, null, keyId, "token failed authentication");
    } catch (GeneralSecurityException | RuntimeException e) {
      return new TokenOpening(Status.TAMPERED, null, keyId, "token could not be decrypted");
    }
    TokenPayload payload;
    try {
      payload = read(plain);
    } catch (IOException | RuntimeException e) {
      return new TokenOpening(Status.MALFORMED, null, keyId, "authentic token with an unreadable payload");
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
    if (!now.isBefore(payload.expiresAt())) {
      return new TokenOpening(Status.EXPIRED, payload, keyId,
          "token expired at " + payload.expiresAt());
    }
    return new TokenOpening(Status.VALID, payload, keyId, "valid until " + payload.expiresAt());
  }

  private static TokenOpening malformed(String why) {
    return new TokenOpening(Status.MALFORMED, null, null, why);
  }

  private static byte[] header(String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
    byte[] header = new byte[2 + id.length];
    header[0] = (byte) FORMAT_VERSION;
    header[1] = (byte) id.length;
    System.arraycopy(id, 0, header, 2, id.length);
    return header;
  }

  private static byte[] write(TokenPayload p) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(p.kind().ordinal());
      out.writeByte(p.motion().ordinal());
      out.writeLong(p.issuedAt().getEpochSecond());
      out.writeLong(p.expiresAt().getEpochSecond());
      out.writeUTF(p.customer().value());
      out.writeUTF(p.programme().value());
      writeOptional(out, p.detail());
      writeOptional(out, p.referralCode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeOptional(DataOutputStream out, @Nullable String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static TokenPayload read(byte[] plain) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
    LinkKind kind = LinkKind.values()[in.readUnsignedByte()];
    Motion motion = Motion.values()[in.readUnsignedByte()];
    Instant issued = Instant.ofEpochSecond(in.readLong());
    Instant expires = Instant.ofEpochSecond(in.readLong());
    CustomerId customer = CustomerId.of(in.readUTF());
    ProgrammeId programme = ProgrammeId.of(in.readUTF());
    String detail = in.readBoolean() ? in.readUTF() : null;
    String code = in.readBoolean() ? in.readUTF() : null;
    if (in.available() != 0) {
      throw new IOException("trailing bytes");
    }
    return new TokenPayload(kind, customer, programme, motion, issued, expires, detail, code);
  }
}
