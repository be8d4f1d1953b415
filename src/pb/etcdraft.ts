/* eslint-disable require-yield */

import { decodeMessage, encodeMessage, MaxLengthError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

export interface etcdraft {}

export namespace etcdraft {
  export interface ConfigMetadata {
    consenters: etcdraft.Consenter[]
    options?: etcdraft.Options
  }

  export namespace ConfigMetadata {
    let _codec: Codec<ConfigMetadata>

    export const codec = (): Codec<ConfigMetadata> => {
      if (_codec == null) {
        _codec = message<ConfigMetadata>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.consenters != null && obj.consenters.length > 0) {
            for (const value of obj.consenters) {
              w.uint32(10)
              etcdraft.Consenter.codec().encode(value, w)
            }
          }

          if (obj.options != null) {
            w.uint32(18)
            etcdraft.Options.codec().encode(obj.options, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            consenters: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.consenters != null && obj.consenters.length === opts.limits.consenters) {
                  throw new MaxLengthError('Decode error - repeated field "consenters" had too many elements')
                }

                obj.consenters.push(etcdraft.Consenter.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.consenters$
                }))
                break
              }
              case 2: {
                obj.options = etcdraft.Options.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.options
                })
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const obj = {
            consenters: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.consenters != null && obj.consenters === opts.limits.consenters) {
                  throw new MaxLengthError('Streaming decode error - repeated field "consenters" had too many elements')
                }

                for (const evt of etcdraft.Consenter.codec().stream(reader, reader.uint32(), `${prefix}.consenters[]`, {
                  limits: opts.limits?.consenters$
                })) {
                  yield {
                    ...evt,
                    index: obj.consenters
                  }
                }

                obj.consenters++

                break
              }
              case 2: {
                yield * etcdraft.Options.codec().stream(reader, reader.uint32(), `${prefix}.options`, {
                  limits: opts.limits?.options
                })

                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface ConfigMetadataConsentersHostFieldEvent {
      field: '$.consenters[].host'
      value: string
      index: number
    }

    export interface ConfigMetadataConsentersPortFieldEvent {
      field: '$.consenters[].port'
      value: number
      index: number
    }

    export interface ConfigMetadataConsentersClientTlsCertFieldEvent {
      field: '$.consenters[].clientTlsCert'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface ConfigMetadataConsentersServerTlsCertFieldEvent {
      field: '$.consenters[].serverTlsCert'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface ConfigMetadataOptionsTickIntervalFieldEvent {
      field: '$.options.tickInterval'
      value: string
    }

    export interface ConfigMetadataOptionsElectionTickFieldEvent {
      field: '$.options.electionTick'
      value: number
    }

    export interface ConfigMetadataOptionsHeartbeatTickFieldEvent {
      field: '$.options.heartbeatTick'
      value: number
    }

    export interface ConfigMetadataOptionsMaxInflightBlocksFieldEvent {
      field: '$.options.maxInflightBlocks'
      value: number
    }

    export interface ConfigMetadataOptionsSnapshotIntervalSizeFieldEvent {
      field: '$.options.snapshotIntervalSize'
      value: number
    }

    export function encode (obj: Partial<ConfigMetadata>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ConfigMetadata.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigMetadata>): ConfigMetadata {
      return decodeMessage(buf, ConfigMetadata.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigMetadata>): Generator<ConfigMetadataConsentersHostFieldEvent | ConfigMetadataConsentersPortFieldEvent | ConfigMetadataConsentersClientTlsCertFieldEvent | ConfigMetadataConsentersServerTlsCertFieldEvent | ConfigMetadataOptionsTickIntervalFieldEvent | ConfigMetadataOptionsElectionTickFieldEvent | ConfigMetadataOptionsHeartbeatTickFieldEvent | ConfigMetadataOptionsMaxInflightBlocksFieldEvent | ConfigMetadataOptionsSnapshotIntervalSizeFieldEvent> {
      return streamMessage(buf, ConfigMetadata.codec(), opts)
    }
  }

  export interface Consenter {
    host: string
    port: number
    clientTlsCert: Uint8Array<ArrayBuffer>
    serverTlsCert: Uint8Array<ArrayBuffer>
  }

  export namespace Consenter {
    let _codec: Codec<Consenter>

    export const codec = (): Codec<Consenter> => {
      if (_codec == null) {
        _codec = message<Consenter>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.host != null && obj.host !== '')) {
            w.uint32(10)
            w.string(obj.host)
          }

          if ((obj.port != null && obj.port !== 0)) {
            w.uint32(16)
            w.uint32(obj.port)
          }

          if ((obj.clientTlsCert != null && obj.clientTlsCert.byteLength > 0)) {
            w.uint32(26)
            w.bytes(obj.clientTlsCert)
          }

          if ((obj.serverTlsCert != null && obj.serverTlsCert.byteLength > 0)) {
            w.uint32(34)
            w.bytes(obj.serverTlsCert)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            host: '',
            port: 0,
            clientTlsCert: uint8ArrayAlloc(0),
            serverTlsCert: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.host = reader.string()
                break
              }
              case 2: {
                obj.port = reader.uint32()
                break
              }
              case 3: {
                obj.clientTlsCert = reader.bytes()
                break
              }
              case 4: {
                obj.serverTlsCert = reader.bytes()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.host`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.port`,
                  value: reader.uint32()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.clientTlsCert`,
                  value: reader.bytes()
                }
                break
              }
              case 4: {
                yield {
                  field: `${prefix}.serverTlsCert`,
                  value: reader.bytes()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface ConsenterHostFieldEvent {
      field: '$.host'
      value: string
    }

    export interface ConsenterPortFieldEvent {
      field: '$.port'
      value: number
    }

    export interface ConsenterClientTlsCertFieldEvent {
      field: '$.clientTlsCert'
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConsenterServerTlsCertFieldEvent {
      field: '$.serverTlsCert'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<Consenter>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Consenter.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Consenter>): Consenter {
      return decodeMessage(buf, Consenter.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Consenter>): Generator<ConsenterHostFieldEvent | ConsenterPortFieldEvent | ConsenterClientTlsCertFieldEvent | ConsenterServerTlsCertFieldEvent> {
      return streamMessage(buf, Consenter.codec(), opts)
    }
  }

  export interface Options {
    tickInterval: string
    electionTick: number
    heartbeatTick: number
    maxInflightBlocks: number
    snapshotIntervalSize: number
  }

  export namespace Options {
    let _codec: Codec<Options>

    export const codec = (): Codec<Options> => {
      if (_codec == null) {
        _codec = message<Options>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.tickInterval != null && obj.tickInterval !== '')) {
            w.uint32(10)
            w.string(obj.tickInterval)
          }

          if ((obj.electionTick != null && obj.electionTick !== 0)) {
            w.uint32(16)
            w.uint32(obj.electionTick)
          }

          if ((obj.heartbeatTick != null && obj.heartbeatTick !== 0)) {
            w.uint32(24)
            w.uint32(obj.heartbeatTick)
          }

          if ((obj.maxInflightBlocks != null && obj.maxInflightBlocks !== 0)) {
            w.uint32(32)
            w.uint32(obj.maxInflightBlocks)
          }

          if ((obj.snapshotIntervalSize != null && obj.snapshotIntervalSize !== 0)) {
            w.uint32(40)
            w.uint32(obj.snapshotIntervalSize)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            tickInterval: '',
            electionTick: 0,
            heartbeatTick: 0,
            maxInflightBlocks: 0,
            snapshotIntervalSize: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.tickInterval = reader.string()
                break
              }
              case 2: {
                obj.electionTick = reader.uint32()
                break
              }
              case 3: {
                obj.heartbeatTick = reader.uint32()
                break
              }
              case 4: {
                obj.maxInflightBlocks = reader.uint32()
                break
              }
              case 5: {
                obj.snapshotIntervalSize = reader.uint32()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.tickInterval`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.electionTick`,
                  value: reader.uint32()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.heartbeatTick`,
                  value: reader.uint32()
                }
                break
              }
              case 4: {
                yield {
                  field: `${prefix}.maxInflightBlocks`,
                  value: reader.uint32()
                }
                break
              }
              case 5: {
                yield {
                  field: `${prefix}.snapshotIntervalSize`,
                  value: reader.uint32()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface OptionsTickIntervalFieldEvent {
      field: '$.tickInterval'
      value: string
    }

    export interface OptionsElectionTickFieldEvent {
      field: '$.electionTick'
      value: number
    }

    export interface OptionsHeartbeatTickFieldEvent {
      field: '$.heartbeatTick'
      value: number
    }

    export interface OptionsMaxInflightBlocksFieldEvent {
      field: '$.maxInflightBlocks'
      value: number
    }

    export interface OptionsSnapshotIntervalSizeFieldEvent {
      field: '$.snapshotIntervalSize'
      value: number
    }

    export function encode (obj: Partial<Options>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Options.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Options>): Options {
      return decodeMessage(buf, Options.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Options>): Generator<OptionsTickIntervalFieldEvent | OptionsElectionTickFieldEvent | OptionsHeartbeatTickFieldEvent | OptionsMaxInflightBlocksFieldEvent | OptionsSnapshotIntervalSizeFieldEvent> {
      return streamMessage(buf, Options.codec(), opts)
    }
  }

  let _codec: Codec<etcdraft>

  export const codec = (): Codec<etcdraft> => {
    if (_codec == null) {
      _codec = message<etcdraft>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {}

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export function encode (obj: Partial<etcdraft>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, etcdraft.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<etcdraft>): etcdraft {
    return decodeMessage(buf, etcdraft.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<etcdraft>): Generator<{}> {
    return streamMessage(buf, etcdraft.codec(), opts)
  }
}
