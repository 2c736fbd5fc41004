package com.example.legacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetTime;
import java.time.Year;
import java.util.Calendar;
import java.util.Date;

// A ledger entry as a 2005 code base writes it.
@Entity
@Table(name = "ledger_entries")
@SuppressWarnings("schemac:timestamp-without-time-zone")
public class LedgerEntry {
  @Id @GeneratedValue(strategy = GenerationType.TABLE) Long id;
  java.sql.Date bookedOn;
  java.sql.Time bookedAt;
  @Column(nullable = false) java.sql.Timestamp recordedAt;
  char kind;
  Character flag;
  char[] memo;
  @Column(length = 12) char[] reference;
  Character[] note;
  byte priority;
  Byte channel;
  Byte[] signature;
  BigInteger amountCents;
  @Column(precision = 20) BigInteger serial;
  Year fiscalYear;
  OffsetTime cutoff;
  Duration holdFor;
  @Temporal(TemporalType.TIMESTAMP) Date legacyStamp;
  @Temporal(TemporalType.DATE) Calendar legacyDay;
}
