package io.advocacy.scoring.score;

import io.advocacy.core.internal.SeenIds;
import io.advocacy.scoring.AdvocateTier;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything an {@link AdvocateScorer} knows, to persist and restore: per customer the decayed
 * sums, reference instant, tier and kept contributions, and the de-duplication memory. {@link
 * #writeTo} and {@link #readFrom} give a compact binary form.
 *
 * <p>Immutable once made (arrays are not copied on read: do not modify them); thread-safe.
 *
 * @param modelId the model's id
 * @param modelVersion the model's version
 * @param ids customer ids in index order
 * @param sums six sums per customer
 * @param refs reference instants in epoch ms
 * @param tiers tier ordinals as of the last {@code tick}, with the bit {@link #PENDING} set for a
 *     customer who received a signal since then (the restored scorer's next tick reports it)
 * @param seen the de-duplication state: the end of the current generation, then the ids of the
 *     current and the previous generation, each packed as its length and four characters per
 *     long
 * @param kept per customer the contributions kept for explanations
 */
public record ScorerSnapshot(
    String modelId, int modelVersion, List<String> ids, double[] sums, long[] refs, byte[] tiers,
    long[][] seen, List<List<Kept>> kept) {
  /** The bit of a tier byte that marks a customer with signals not yet seen by a tick. */
  public static final byte PENDING = 0x40;

  /** Format 2: the de-duplication memory holds the ids themselves, so that it is exact. */
  private static final int MAGIC = 0x41445632; // "ADV2"
  /** Format 1 held only 64-bit hashes of the ids; it is not read any more. */
  private static final int MAGIC_HASHED_IDS = 0x41445653; // "ADVS"

  /**
   * A kept contribution.
   *
   * @param id the signal id
   * @param type the signal type's name
   * @param at epoch ms
   * @param component the component ordinal
   * @param value the contribution
   */
  public record Kept(String id, String type, long at, int component, double value) {
    /**
     * Validates the contribution.
     *
     * @param id the signal id
     * @param type the type name
     * @param at epoch ms
     * @param component the component ordinal
     * @param value the contribution
     */
    public Kept {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * Validates the snapshot's shape.
   *
   * @param modelId the model's id
   * @param modelVersion the model's version
   * @param ids customer ids
   * @param sums sums
   * @param refs reference instants
   * @param tiers tiers
   * @param seen de-duplication state
   * @param kept kept contributions
   * @throws IllegalArgumentException if the arrays disagree in length or a tier byte is not a
   *     tier
   */
  public ScorerSnapshot {
    Objects.requireNonNull(modelId, "modelId");
    ids = List.copyOf(ids);
    int n = ids.size();
    if (sums.length != n * Component.values().length || refs.length != n || tiers.length != n
        || kept.size() != n || seen.length != 3) {
      throw new IllegalArgumentException("snapshot arrays do not match " + n + " customers");
    }
    for (byte t : tiers) {
      int ordinal = t & ~PENDING;
      if (ordinal < 0 || ordinal >= AdvocateTier.values().length) {
        throw new IllegalArgumentException("tier byte " + t + " is not a tier");
      }
    }
    kept = List.copyOf(kept.stream().map(List::copyOf).toList());
  }

  /**
   * Writes the snapshot.
   *
   * @param out the stream (not closed)
   * @throws IOException if writing fails
   */
  public void writeTo(OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(MAGIC);
    d.writeUTF(modelId);
    d.writeInt(modelVersion);
    d.writeInt(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      d.writeUTF(ids.get(i));
      for (int c = 0; c < Component.values().length; c++) {
        d.writeDouble(sums[i * Component.values().length + c]);
      }
      d.writeLong(refs[i]);
      d.writeByte(tiers[i]);
      d.writeShort(kept.get(i).size());
      for (Kept k : kept.get(i)) {
        d.writeUTF(k.id());
        d.writeUTF(k.type());
        d.writeLong(k.at());
        d.writeByte(k.component());
        d.writeDouble(k.value());
      }
    }
    SeenIds.writeState(seen, d);
    d.flush();
  }

  /**
   * Reads a snapshot written by {@link #writeTo}.
   *
   * @param in the stream (not closed)
   * @return the snapshot
   * @throws IOException if reading fails or the data is not a snapshot
   */
  public static ScorerSnapshot readFrom(InputStream in) throws IOException {
    try {
      return read(in);
    } catch (IllegalArgumentException e) {
      throw new IOException("not a valid scorer snapshot: " + e.getMessage(), e);
    }
  }

  private static ScorerSnapshot read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    int magic = d.readInt();
    if (magic == MAGIC_HASHED_IDS) {
      throw new IOException("a scorer snapshot of format 1 (hashed signal ids), which is no longer"
          + " read: take a new snapshot with this version");
    }
    if (magic != MAGIC) {
      throw new IOException("not a scorer snapshot");
    }
    String modelId = d.readUTF();
    int version = d.readInt();
    int n = d.readInt();
    int c = Component.values().length;
    List<String> ids = new ArrayList<>(n);
    double[] sums = new double[n * c];
    long[] refs = new long[n];
    byte[] tiers = new byte[n];
    List<List<Kept>> kept = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(d.readUTF());
      for (int j = 0; j < c; j++) {
        sums[i * c + j] = d.readDouble();
      }
      refs[i] = d.readLong();
      tiers[i] = d.readByte();
      int k = d.readShort();
      List<Kept> list = new ArrayList<>(k);
      for (int j = 0; j < k; j++) {
        list.add(new Kept(d.readUTF(), d.readUTF(), d.readLong(), d.readByte(), d.readDouble()));
      }
      kept.add(list);
    }
    long[][] seen = SeenIds.readState(d);
    return new ScorerSnapshot(modelId, version, ids, sums, refs, tiers, seen, kept);
  }
}
